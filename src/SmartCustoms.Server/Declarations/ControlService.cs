using SmartCustoms.Domain.Controls;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Domain.Validation;
using SmartCustoms.Server.Access;
using SmartCustoms.Server.Exchange;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Server.Risk;
using SmartCustoms.Storage.Declarations;
using SmartCustoms.Storage.Exchange;

namespace SmartCustoms.Server.Declarations;

/// <summary>
/// Officers' selectivity actions, re-routing and inspection results, each audited with who and when; shared by the
/// API (<see cref="ControlsApi"/>) and the web portal.
/// </summary>
public sealed class ControlService(IDeclarationStore store, ControlResultOutbox controlResults, OutboxSignal outbox, TimeProvider clock)
{
    public async Task<Outcome<DeclarationRecord>> RerouteAsync(string mrn, Lane? newLane, string? reason, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (newLane is not { } lane || !Enum.IsDefined(lane))
        {
            return Refusal.Single(RefusalKind.Invalid, "Lane required",
                "Name the new lane: red, yellow, blue or green.", "lane.required", "/lane");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > TransitionService.MaxReasonLength)
        {
            return Refusal.Single(RefusalKind.Invalid, "Reason required",
                $"Say why the declaration is re-routed, in at most {TransitionService.MaxReasonLength} characters: every re-routing is audited.", "reason.required", "/reason");
        }

        var trimmed = reason.Trim();
        var now = clock.GetUtcNow();
        string? refusal = null;
        var result = await store.UpdateAsync(mrn, record =>
        {
            refusal = RerouteRefusal(record, lane);
            if (refusal is not null)
            {
                return null;
            }

            var control = RiskAssessor.IsControl(lane);
            var status = control ? DeclarationStatus.UnderControl : record.Status;
            return new DeclarationChange
            {
                Status = status,
                Lane = lane,
                ControlOpen = control,
                LaneChange = new LaneChange(record.Lane, lane, trimmed, caller.KeyId, now),
                // The trader learns what the new lane means for the goods, not why.
                Notifications = control ? [Notifications.Create(NotificationKind.Control, record.Lrn, record.Version, status, now, ControlView.ConsequenceText(lane))] : [],
                Audit = new AuditEntry(caller.KeyId, "reroute", $"{record.Lane?.ToString() ?? "none"} -> {lane}: {trimmed}", now),
            };
        }, cancellationToken).ConfigureAwait(false);
        return Outcome(result, refusal);
    }

    public async Task<Outcome<DeclarationRecord>> RecordInspectionAsync(string mrn, InspectionInput input, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(caller);
        var now = clock.GetUtcNow();
        string? refusal = null;
        Refusal? invalid = null;
        // Read before the change: an export's result goes to the partners of its destination in the inspection's own transaction.
        var recipients = await controlResults.RecipientsAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<OutboxMessage> messages = [];
        var result = await store.UpdateAsync(mrn, record =>
        {
            messages = [];
            invalid = SealsRefusal(record, input.Seals);
            refusal = invalid is null ? InspectionRefusal(record) : null;
            if (refusal is not null || invalid is not null)
            {
                return null;
            }

            var summary = input.Findings ? "findings: " + string.Join(", ", input.Categories.Select(FindingCategories.NameOf)) : "no findings";
            var inspection = new NewInspection(
                record.Version, record.Lane ?? Lane.Red, input.Findings, input.Categories, input.Revenue, input.Notes, caller.KeyId, now, input.Evidence)
            {
                Seals = input.Seals,
            };
            messages = controlResults.Messages(recipients, record, inspection);
            return new DeclarationChange
            {
                Status = record.Status,
                ControlOpen = false,
                Inspection = inspection,
                Outbox = messages,
                Audit = new AuditEntry(caller.KeyId, "inspection-result", summary, now),
            };
        }, cancellationToken).ConfigureAwait(false);
        if (invalid is not null && result.Record is not null)
        {
            return invalid;
        }

        if (messages.Count > 0 && result.Outcome != UpdateOutcome.NotFound)
        {
            outbox.Queued();
        }

        return Outcome(result, refusal);
    }

    /// <summary>Seals can only be named for containers the declaration carries.</summary>
    private static Refusal? SealsRefusal(DeclarationRecord record, IReadOnlyList<ContainerSeals> seals)
    {
        var declared = (record.Declaration.Transport?.Containers ?? []).Select(c => ContainerSeals.Normalise(c.Id)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < seals.Count; i++)
        {
            if (!declared.Contains(seals[i].Container))
            {
                return Refusal.Invalid("The inspection result has errors.", [new Issue("seals.container-unknown",
                    $"Container {seals[i].Container} is not on this declaration; seals can be recorded only for its containers ({(declared.Count == 0 ? "none" : string.Join(", ", declared))}).",
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/seals/{i}/container"))]);
            }
        }

        return null;
    }

    private static Outcome<DeclarationRecord> Outcome(UpdateResult result, string? refusal) =>
        result.Outcome == UpdateOutcome.NotFound || result.Record is null ? ProblemResults.NotFound
        : refusal is null ? result.Record
        : Refusal.Single(RefusalKind.Conflict, "Not allowed now", refusal, "control.state", "/status");

    private static string? RerouteRefusal(DeclarationRecord record, Lane lane)
    {
        if (Lifecycle.IsFinal(record.Status) || record.Status == DeclarationStatus.Released)
        {
            return $"A declaration that is {record.Status} cannot be re-routed: the goods are no longer waiting for release.";
        }

        return record.Lane == lane ? $"The declaration is already in the {lane} lane." : null;
    }

    private static string? InspectionRefusal(DeclarationRecord record)
    {
        if (record.ControlOpen)
        {
            return null;
        }

        // A blue lane is released now and audited after clearance: its audit result is recorded later, repeatedly if need be.
        if (record.Lane == Lane.Blue && record.Status is not (DeclarationStatus.Cancelled or DeclarationStatus.Invalidated))
        {
            return null;
        }

        return $"No control is open for this declaration (lane {record.Lane?.ToString() ?? "none"}, {record.Status}): re-route it to red or yellow first.";
    }
}
