using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Server.Access;
using SmartCustoms.Server.Exchange;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Declarations;
using SmartCustoms.Storage.Exchange;

namespace SmartCustoms.Server.Declarations;

/// <summary>
/// How an officer's or trader's action answers: the declaration after it, or the refusal. A declaration that does not
/// exist, or is not the caller's, is <see cref="ProblemResults.NotFound"/>: a bare 404, as every read of a declaration answers.
/// </summary>
public static class ChangeResults
{
    /// <summary>The API's answer: the declaration (in <paramref name="view"/> when given), the problem, or 404.</summary>
    public static IResult ToResult(this Outcome<DeclarationRecord> outcome, Func<DeclarationRecord, DeclarationResponse>? view = null) =>
        outcome.ToResult(record => TypedResults.Ok(view is null ? DeclarationResponse.From(record) : view(record)));
}

/// <summary>Status changes asked for by officers (control, release, ...) and traders (cancellation), audited.</summary>
public sealed class TransitionService(IDeclarationStore store, ExportDataOutbox exportData, OutboxSignal outbox, TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    public async Task<IResult> ApplyAsync(string mrn, DeclarationAction action, string? reason, Caller caller, CancellationToken cancellationToken) =>
        (await ChangeAsync(mrn, action, reason, caller, cancellationToken).ConfigureAwait(false)).ToResult();

    /// <summary>The transition shared by the API and the web portal.</summary>
    public async Task<Outcome<DeclarationRecord>> ChangeAsync(string mrn, DeclarationAction action, string? reason, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (reason is { Length: > MaxReasonLength })
        {
            return Refusal.Single(RefusalKind.Invalid, "Reason too long", $"The reason is at most {MaxReasonLength} characters.", "reason.too-long", "/reason");
        }

        string? refusal = null;
        var code = "status.transition";
        var now = clock.GetUtcNow();
        // Read before the change: a released export goes to the partners of its destination in the release's own transaction.
        var recipients = action == DeclarationAction.Release ? await exportData.RecipientsAsync(cancellationToken).ConfigureAwait(false) : null;
        IReadOnlyList<OutboxMessage> messages = [];
        var result = await store.UpdateAsync(mrn, record =>
        {
            refusal = null;
            messages = [];
            code = "status.transition";
            if (!caller.CanSee(record.DeclarantId))
            {
                return null;
            }

            var transition = Lifecycle.Apply(record.Status, action);
            if (!transition.Allowed)
            {
                refusal = transition.Refusal;
                return null;
            }

            if (action == DeclarationAction.Release && record.ControlOpen)
            {
                refusal = "The declaration's control is open: record its inspection result (or re-route it) before releasing the goods.";
                code = "control.open";
                return null;
            }

            messages = recipients is null ? [] : exportData.Messages(recipients, record.Mrn, record.Declaration, transition.Status, record.AcceptedAt, now);
            return new DeclarationChange
            {
                Status = transition.Status,
                Outbox = messages,
                // An officer's selection for control holds the goods until its result is recorded, as a red or yellow lane does.
                ControlOpen = action == DeclarationAction.Control ? true : null,
                Notifications = [Notifications.Create(transition.Notification!.Value, record.Lrn, record.Version, transition.Status, now, reason)],
                Audit = new AuditEntry(caller.KeyId, action.ToString(), reason, now),
            };
        }, cancellationToken).ConfigureAwait(false);

        if (result.Outcome == UpdateOutcome.NotFound || result.Record is null || !caller.CanSee(result.Record.DeclarantId))
        {
            return ProblemResults.NotFound;
        }

        if (result.Outcome == UpdateOutcome.Updated && messages.Count > 0)
        {
            outbox.Queued();
        }

        return refusal is null ? result.Record : Refusal.Single(RefusalKind.Conflict, "Not allowed in this status", refusal, code, "/status");
    }
}
