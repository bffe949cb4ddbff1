using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Domain.Tariffs;
using SmartCustoms.Server.Exchange;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Server.Tariffs;
using SmartCustoms.Storage.Exchange;

namespace SmartCustoms.Server.Risk;

/// <summary>
/// Finds what partners sent about an import's goods (export data and control results matching its containers,
/// transport document or the exporter's reference among its documents) and compares them with it
/// (<see cref="PartnerChecks"/>). Only partners whose agreement lets them send such data count.
/// </summary>
public sealed partial class PartnerEvidenceReader(
    IExchangeStore store, TariffCache tariffs, IOptions<SmartCustomsOptions> options, TimeProvider clock, ILogger<PartnerEvidenceReader> logger)
{
    /// <summary>How many matches of each kind one key may bring: enough for an export's acceptance and release, and a few controls.</summary>
    private const int PerKey = 4;

    /// <summary>A partner whose data the risk engine uses, with what the agreement recognises of its control results.</summary>
    public sealed record Sender(string NodeId, string Country, bool ExportData, bool ControlResults, IReadOnlyList<Lane> RecognisedLanes);

    /// <summary>The partners that may send export data or control results, by node id; read with the risk snapshot.</summary>
    public async Task<IReadOnlyDictionary<string, Sender>> SendersAsync(CancellationToken cancellationToken)
    {
        var senders = new Dictionary<string, Sender>(StringComparer.Ordinal);
        foreach (var partner in await store.ListPartnersAsync(cancellationToken).ConfigureAwait(false))
        {
            var agreement = partner.Agreement();
            var exportData = agreement.TheySend.Contains(MessageTypes.ExportData, StringComparer.Ordinal);
            var controls = agreement.TheySend.Contains(MessageTypes.ControlResult, StringComparer.Ordinal);
            if (!exportData && !controls)
            {
                continue;
            }

            IReadOnlyList<Lane> lanes = agreement.ControlResults.Recognised
                ? [.. agreement.ControlResults.Lanes.Select(l => Enum.TryParse<Lane>(l, ignoreCase: true, out var lane) ? (Lane?)lane : null).OfType<Lane>()]
                : [];
            senders[partner.NodeId] = new Sender(partner.NodeId, partner.Country, exportData, controls, lanes);
        }

        return senders;
    }

    public async Task<PartnerEvidence> ReadAsync(
        Declaration import, DutyAssessment? duties, IReadOnlyDictionary<string, Sender> senders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(senders);
        var keys = Keys(import);
        if (keys.Count == 0)
        {
            return PartnerEvidence.None;
        }

        var matches = await store.FindPartnerMatchesAsync(keys, PerKey, cancellationToken).ConfigureAwait(false);
        var exports = new List<PartnerExport>();
        foreach (var (record, key) in matches.Exports.OrderByDescending(m => m.Export.ReceivedAt))
        {
            if (senders.TryGetValue(record.Sender, out var sender) && sender.ExportData && Read(record.DeclarationJson, DeclarationJson.TryDeserialize, record.Sender) is { } declaration)
            {
                exports.Add(new PartnerExport(sender.Country, record.Mrn, record.AcceptedAt, declaration, key.Description));
            }
        }

        var controls = new List<PartnerControl>();
        foreach (var (record, key) in matches.Controls)
        {
            if (senders.TryGetValue(record.Sender, out var sender) && sender.ControlResults
                && Read(record.PayloadJson, ControlResultPayload.TryRead, record.Sender) is { } result)
            {
                controls.Add(new PartnerControl(sender.Country, result, key.Description, sender.RecognisedLanes));
            }
        }

        if (exports.Count == 0 && controls.Count == 0)
        {
            return PartnerEvidence.None;
        }

        var tariff = await tariffs.GetAsync(cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return PartnerChecks.Evaluate(import, duties, exports, controls, currency => TariffCalculator.Rate(import, tariff, currency, today), tariff.Currency, options.Value.Exchange.Checks);
    }

    /// <summary>The keys an import is matched by: its containers, its transport document, and its documents' ids (the exporter's reference).</summary>
    public static IReadOnlyList<ExportDataKey> Keys(Declaration import)
    {
        ArgumentNullException.ThrowIfNull(import);
        var keys = new List<ExportDataKey>();
        foreach (var container in import.Transport?.Containers ?? [])
        {
            if (!string.IsNullOrWhiteSpace(container?.Id))
            {
                keys.Add(new ExportDataKey(ExportDataKey.Container, InboxPayloads.NormaliseKey(container.Id)));
            }
        }

        if (import.Transport?.TransportDocument?.Id is { } document && !string.IsNullOrWhiteSpace(document))
        {
            keys.Add(new ExportDataKey(ExportDataKey.TransportDocument, InboxPayloads.NormaliseKey(document)));
        }

        foreach (var reference in import.PreviousDocuments.Concat(import.AdditionalDocuments))
        {
            if (!string.IsNullOrWhiteSpace(reference?.Id))
            {
                keys.Add(new ExportDataKey(ExportDataKey.ExporterReference, InboxPayloads.NormaliseKey(reference.Id)));
            }
        }

        // A declaration of many containers is matched by its first few: one export rarely spans more.
        return [.. keys.Distinct().Take(16)];
    }

    private T? Read<T>(string json, Func<string, T?> read, string sender)
        where T : class
    {
        // Checked when it arrived; a record that no longer reads (an older format) is left out, not fatal to lodging.
        var value = read(json);
        if (value is null)
        {
            LogUnreadable(logger, sender, typeof(T).Name, null);
        }

        return value;
    }

    [LoggerMessage(EventId = 22, EventName = "PartnerDataUnreadable", Level = LogLevel.Warning,
        Message = "Data received from {Sender} does not read as {Kind} and is left out of a risk assessment")]
    private static partial void LogUnreadable(ILogger logger, string sender, string kind, Exception? exception);
}
