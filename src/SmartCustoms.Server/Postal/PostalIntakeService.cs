using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Postal;
using SmartCustoms.Server.Access;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Server.Tariffs;
using SmartCustoms.Storage.Postal;

namespace SmartCustoms.Server.Postal;

/// <summary>
/// Taking a batch of postal items, as the API and any later reader share it: read and validate each item, acknowledge
/// each (accepted, with warnings, refused), screen the accepted ones and store items and answers in one transaction.
/// Acknowledging and screening are separate steps over the stored intake, so that a queue can sit between them.
/// </summary>
public sealed partial class PostalIntakeService(
    IPostalStore store, TariffCache tariffs, IOptions<SmartCustomsOptions> options, TimeProvider clock, ILogger<PostalIntakeService> logger)
{
    public const string Accepted = "accepted";
    public const string AcceptedWithWarnings = "acceptedWithWarnings";
    public const string Refused = "refused";

    public async Task<Outcome<BatchAcknowledgement>> TakeAsync(ReadOnlyMemory<byte> body, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var settings = options.Value.Postal;
        if (caller.Role != Domain.Access.Role.Carrier || string.IsNullOrEmpty(caller.PartyId))
        {
            return Refusal.Single(RefusalKind.Forbidden, "Not a carrier", "Only a carrier key, bound to its operator, sends postal items.", "auth.forbidden");
        }

        if (!PostalBatchReader.Read(body, settings.MaxBatchItems).TryGetValue(out var batch, out var unreadable))
        {
            return unreadable;
        }

        var operatorId = caller.PartyId;
        if (batch.Operator is { } named && !string.Equals(named, operatorId, StringComparison.Ordinal))
        {
            return Refusal.Single(RefusalKind.Forbidden, "Not your operator",
                $"This key sends items for operator '{operatorId}' only; the batch names '{named}'.", "postal.operator", "/operator");
        }

        var readable = batch.Items.Where(i => !i.Refused).ToList();
        var receipts = readable.Count == 0
            ? []
            : (await store.FindReceiptsAsync(operatorId, batch.MessageId, [.. readable.Select(i => i.ItemId!)], cancellationToken).ConfigureAwait(false))
                .ToDictionary(r => r.ItemId, StringComparer.Ordinal);
        var fresh = readable.Where(i => !receipts.ContainsKey(i.ItemId!)).ToList();
        var stored = fresh.Count == 0 ? new HashSet<string>(StringComparer.Ordinal) : await ScreenAndStoreAsync(operatorId, batch.MessageId, fresh, cancellationToken).ConfigureAwait(false);

        var acknowledgements = new List<ItemAcknowledgement>(batch.Items.Count);
        foreach (var item in batch.Items)
        {
            if (item.Refused)
            {
                acknowledgements.Add(new(item.Index, item.ItemId, Refused, false, [.. item.Issues.Where(i => i.Severity == IssueSeverity.Error)]));
            }
            else if (receipts.TryGetValue(item.ItemId!, out var receipt))
            {
                acknowledgements.Add(new(item.Index, item.ItemId, receipt.Status, true, receipt.Warnings));
            }
            else
            {
                acknowledgements.Add(new(item.Index, item.ItemId, Status(item), !stored.Contains(item.ItemId!), item.Issues));
            }
        }

        var result = new BatchAcknowledgement(operatorId, batch.MessageId,
            acknowledgements.Count(a => a.Status == Accepted), acknowledgements.Count(a => a.Status == AcceptedWithWarnings),
            acknowledgements.Count(a => a.Status == Refused), acknowledgements.Count(a => a.Duplicate), acknowledgements);
        LogBatch(logger, operatorId, batch.MessageId, batch.Items.Count, result.Refused, result.Duplicates);
        return result;
    }

    /// <summary>
    /// The screening step: pure over the items, the tariff and the recipients' earlier items in the window, then one
    /// write. Behind a queue this is what a worker runs on what the intake published.
    /// </summary>
    private async Task<IReadOnlySet<string>> ScreenAndStoreAsync(string operatorId, string messageId, List<ReadItem> items, CancellationToken cancellationToken)
    {
        var settings = options.Value.Postal;
        var now = clock.GetUtcNow();
        var tariff = await tariffs.GetAsync(cancellationToken).ConfigureAwait(false);
        var keyed = items.Select(i => (operatorId, i.ItemId!, RecipientKey.Of(i.Item!.Recipient!), i.Item!)).ToList();
        var prior = await store.FindPriorAsync([.. keyed.Select(k => k.Item3)], now - settings.SplitWindow, cancellationToken).ConfigureAwait(false);
        var screening = new PostalScreening(tariff, DateOnly.FromDateTime(now.UtcDateTime),
            new ScreeningSettings { SplitThreshold = settings.SplitThreshold, IossCeiling = settings.IossCeiling });
        var results = screening.ScreenBatch(keyed, prior);
        var intakes = items.Select((item, i) => new PostalIntake(operatorId, item.ItemId!, messageId, Status(item), item.Issues, keyed[i].Item3, results[i].Value, now, item.Item!))
            .ToList();
        return await store.SaveAsync(intakes, [.. results.Select(r => r.Answer)], now, cancellationToken).ConfigureAwait(false);
    }

    private static string Status(ReadItem item) => item.Issues.Count == 0 ? Accepted : AcceptedWithWarnings;

    [LoggerMessage(EventId = 70, EventName = "PostalBatchTaken", Level = LogLevel.Information,
        Message = "Postal batch {MessageId} of operator {Operator}: {Items} items, {Refused} refused, {Duplicates} already taken")]
    private static partial void LogBatch(ILogger logger, string @operator, string messageId, int items, int refused, int duplicates);
}
