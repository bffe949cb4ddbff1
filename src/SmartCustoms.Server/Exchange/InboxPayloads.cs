using System.Text.Json;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Validation;
using SmartCustoms.Storage.Exchange;

namespace SmartCustoms.Server.Exchange;

/// <summary>
/// Each message type's payload, read and checked before anything is stored, and turned into what it changes at this
/// node (<see cref="InboxEffects"/>): a payload that does not read is refused with a reason, never stored half-read.
/// </summary>
public static class InboxPayloads
{
    /// <summary>
    /// The payload read into its effects, or the refusal saying what a payload of its type holds. The payload's text
    /// is checked first: one that cannot be read back (a lone surrogate, bytes that are not UTF-8) is never stored.
    /// </summary>
    public static Outcome<InboxEffects> Read(MessageEnvelope envelope, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (JsonText.Check(envelope.Payload, "/payload") is { } text)
        {
            return Refusal.Single(RefusalKind.Invalid, "Bad payload", "The payload's " + text.Message + ".", text.Code, text.Pointer);
        }

        return envelope.Type switch
        {
            MessageTypes.ExportData => ExportData(envelope, receivedAt) is { } exportData
                ? new InboxEffects { ExportData = exportData }
                : Refused("An export-data payload has the sender's mrn, status, acceptedAt and the shared declaration fields."),
            MessageTypes.ControlResult => ControlResult(envelope, receivedAt) is { } controlResult
                ? new InboxEffects { ControlResult = controlResult }
                : Refused("A control-result payload has the sender's mrn, office, inspectedAt, lane (red, yellow or blue), findings, and at most 99 containers each with 1 to 20 seals."),
            MessageTypes.RiskAlert => RiskAlertProposals.Read(envelope, receivedAt) switch
            {
                { Proposal: { } proposal } => new InboxEffects { Proposal = proposal },
                var refused => Refused(refused.Problem!),
            },
            MessageTypes.AeoList => Aeo.AeoListMessages.Read(envelope, receivedAt),
            _ => InboxEffects.None,
        };
    }

    /// <summary>A payload that does not read as its type says: what such a payload holds.</summary>
    public static Refusal Refused(string detail) => Refusal.Single(RefusalKind.Invalid, "Bad payload", detail, "payload.invalid", "/payload");

    /// <summary>
    /// Reads a payload as <typeparamref name="T"/> with the exchange's strict options; null when it does not read,
    /// including a <c>null</c> where a list holds entries (the checks that follow read every entry).
    /// </summary>
    public static T? Payload<T>(MessageEnvelope envelope)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(envelope);
        try
        {
            return envelope.Payload.ValueKind == JsonValueKind.Object && envelope.Payload.Deserialize<T>(ExchangeJson.Options) is { } payload
                && NullElements.Find(payload, ExchangeJson.Options.PropertyNamingPolicy).Count == 0
                    ? payload
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The export data with the keys an import is matched by (upper case, trimmed); null when the payload is not export data.</summary>
    private static ExportDataRecord? ExportData(MessageEnvelope envelope, DateTimeOffset receivedAt)
    {
        if (Payload<ExportDataPayload>(envelope) is not { } payload || payload.Declaration.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var keys = new List<ExportDataKey>();
        var declaration = payload.Declaration;
        if (declaration.TryGetProperty("transport", out var transport) && transport.ValueKind == JsonValueKind.Object)
        {
            if (transport.TryGetProperty("containers", out var containers) && containers.ValueKind == JsonValueKind.Array)
            {
                keys.AddRange(containers.EnumerateArray().Select(c => Text(c, "id")).OfType<string>().Select(id => new ExportDataKey(ExportDataKey.Container, id)));
            }

            if (transport.TryGetProperty("transportDocument", out var document) && Text(document, "id") is { } documentId)
            {
                keys.Add(new ExportDataKey(ExportDataKey.TransportDocument, documentId));
            }
        }

        if (Text(declaration, "lrn") is { } reference)
        {
            keys.Add(new ExportDataKey(ExportDataKey.ExporterReference, reference));
        }

        return new ExportDataRecord(envelope.Sender, envelope.Id, payload.Mrn, payload.Status, payload.AcceptedAt, receivedAt, declaration.GetRawText(), keys);
    }

    /// <summary>The control result with its match keys; null when the payload does not read or is out of bounds.</summary>
    private static ControlResultRecord? ControlResult(MessageEnvelope envelope, DateTimeOffset receivedAt)
    {
        if (Payload<ControlResultPayload>(envelope) is not { } payload
            || string.IsNullOrWhiteSpace(payload.Mrn) || payload.Mrn.Length > 64
            || string.IsNullOrWhiteSpace(payload.Office) || payload.Office.Length > 35
            || payload.Lane is not ("red" or "yellow" or "blue")
            || payload.Categories.Count > 20
            || payload.Containers.Count > 99
            || payload.Containers.Any(c => string.IsNullOrWhiteSpace(c.Container) || c.Container.Length > 17 || c.Seals.Count is 0 or > 20
                || c.Seals.Any(seal => string.IsNullOrWhiteSpace(seal) || seal.Length > 35)))
        {
            return null;
        }

        var keys = payload.Containers.Select(c => new ExportDataKey(ExportDataKey.Container, NormaliseKey(c.Container))).ToList();
        if (!string.IsNullOrWhiteSpace(payload.TransportDocument))
        {
            keys.Add(new ExportDataKey(ExportDataKey.TransportDocument, NormaliseKey(payload.TransportDocument)));
        }

        if (!string.IsNullOrWhiteSpace(payload.Lrn))
        {
            keys.Add(new ExportDataKey(ExportDataKey.ExporterReference, NormaliseKey(payload.Lrn)));
        }

        return new ControlResultRecord(
            envelope.Sender, envelope.Id, payload.Mrn, payload.Office, payload.Findings, payload.InspectedAt, receivedAt, envelope.Payload.GetRawText(), keys);
    }

    private static string? Text(JsonElement element, string property) =>
        JsonText.StringProperty(element, property) is { } text && !string.IsNullOrWhiteSpace(text) ? NormaliseKey(text) : null;

    /// <summary>How match keys (container numbers, document ids, references) are stored and looked up: trimmed, upper case.</summary>
    public static string NormaliseKey(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Trim().ToUpperInvariant();
    }
}
