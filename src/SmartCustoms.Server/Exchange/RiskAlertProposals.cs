using System.Text.Json;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Storage.Risk;

namespace SmartCustoms.Server.Exchange;

/// <summary>
/// A received <c>risk-alert</c> read into the proposal it makes: checked by the rules the sender applies, and turned into
/// a criterion that compiles, or refused with the first fault (a payload is never stored half-read).
/// </summary>
public static class RiskAlertProposals
{
    public static (RiskProposal? Proposal, string? Problem) Read(MessageEnvelope envelope, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (InboxPayloads.Payload<RiskAlertPayload>(envelope) is not { } read)
        {
            return (null, "A risk-alert payload is an object with title, text and targeting (hsCodes, origins, parties, exportCountries, validDays), nothing else.");
        }

        var payload = RiskAlerts.Normalise(read);
        if (RiskAlerts.Check(payload) is [var first, ..])
        {
            return (null, $"The risk alert is invalid at {first.Pointer}: {first.Message}");
        }

        var criterion = RiskAlerts.ProposedCriterion(envelope.Sender, envelope.Id, envelope.CreatedAt, payload);
        var compiled = CriterionCompiler.Compile(criterion, 1);
        if (!compiled.IsValid)
        {
            return (null, $"The risk alert proposes no valid criterion: {compiled.Errors[0].Message}");
        }

        return (new RiskProposal(
            Guid.CreateVersion7(receivedAt).ToString("N"), envelope.Sender, envelope.Id, payload.Title!, payload.Text!,
            JsonSerializer.Serialize(payload.Targeting, ExchangeJson.Options), CriterionJson.Serialize(criterion), envelope.CreatedAt, receivedAt), null);
    }
}
