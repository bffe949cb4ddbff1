using SmartCustoms.Domain.Declarations;
using SmartCustoms.Server.Access;
using SmartCustoms.Storage.Declarations;

namespace SmartCustoms.Server.Declarations;

/// <summary>Status changes asked for by officers (control, release, ...) and traders (cancellation), audited.</summary>
public sealed class TransitionService(IDeclarationStore store, TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    public async Task<IResult> ApplyAsync(string mrn, DeclarationAction action, string? reason, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (reason is { Length: > MaxReasonLength })
        {
            return Problems.Single(StatusCodes.Status400BadRequest, "Reason too long", $"The reason is at most {MaxReasonLength} characters.", "reason.too-long", "/reason");
        }

        string? refusal = null;
        var code = "status.transition";
        var now = clock.GetUtcNow();
        var result = await store.UpdateAsync(mrn, record =>
        {
            refusal = null;
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

            return new DeclarationChange
            {
                Status = transition.Status,
                // An officer's selection for control holds the goods until its result is recorded, as a red or yellow lane does.
                ControlOpen = action == DeclarationAction.Control ? true : null,
                Notifications = [Notifications.Create(transition.Notification!.Value, record.Lrn, record.Version, transition.Status, now, reason)],
                Audit = new AuditEntry(caller.KeyId, action.ToString(), reason, now),
            };
        }, cancellationToken).ConfigureAwait(false);

        if (result.Outcome == UpdateOutcome.NotFound || result.Record is null || !caller.CanSee(result.Record.DeclarantId))
        {
            return TypedResults.NotFound();
        }

        return refusal is not null
            ? Problems.Single(StatusCodes.Status409Conflict, "Not allowed in this status", refusal, code, "/status")
            : TypedResults.Ok(DeclarationResponse.From(result.Record));
    }
}
