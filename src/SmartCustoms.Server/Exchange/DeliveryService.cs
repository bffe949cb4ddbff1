using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Exchange;

namespace SmartCustoms.Server.Exchange;

/// <summary>
/// Delivers the outbox: signs each due message afresh, posts it to the partner's inbox and marks it delivered only
/// on the partner's verified receipt. Any other outcome (partner down, refusal, bad receipt) schedules a retry after
/// an exponentially growing, capped wait; nothing is dropped. Several servers may share one outbox: each claims
/// the rows it sends for a short lease (<c>ClaimLease</c>) that it renews while it delivers, so that a crashed server's
/// messages are sent by another within seconds while a slow delivery keeps its claim; a message sent twice after a
/// crash is stored once by the partner (same id).
/// </summary>
public sealed partial class DeliveryService(
    IExchangeStore store, NodeKeyRing keys, OutboxSignal signal, IHttpClientFactory http, IOptions<SmartCustomsOptions> options,
    ServerInstance instance, TimeProvider clock, ILogger<DeliveryService> logger) : BackgroundService
{
    /// <summary>The named HTTP client deliveries go through (tests route it to an in-process partner).</summary>
    public const string HttpClientName = "SmartCustoms.Exchange";

    private const int Batch = 64;

    private readonly SmartCustomsOptions.ExchangeSection _exchange = options.Value.Exchange;
    private readonly string _nodeId = options.Value.NodeId;
    private DateTimeOffset _countedAt = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await DeliverDueAsync(stoppingToken).ConfigureAwait(false);
                await CountOutboxAsync(stoppingToken).ConfigureAwait(false);
                if (sent < Batch)
                {
                    await signal.WaitAsync(await UntilNextDueAsync(stoppingToken).ConfigureAwait(false), stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or IOException)
            {
                // The database is away for a moment: the messages wait in it, and so does this loop.
                LogLoopFailed(logger, ex);
                await Task.Delay(_exchange.PollInterval, clock, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One pass over the due messages; returns how many were claimed.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // A read first: an idle node must not take SQLite's single writer at every poll.
        if (await store.NextDueAsync(cancellationToken).ConfigureAwait(false) is not { } next || next > now)
        {
            return 0;
        }

        // Short, and renewed while the pass runs: after a crash, another server sends these within about a lease.
        var due = await store.ClaimDueAsync(now, now + _exchange.ClaimLease, Batch, instance.Id, cancellationToken).ConfigureAwait(false);
        if (due.Count == 0)
        {
            return 0;
        }

        using var delivering = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = RenewClaimsAsync([.. due.Select(m => m.Id)], delivering.Token);
        using var activity = NodeTelemetry.Source.StartActivity("exchange.deliver");
        activity?.SetTag("smartcustoms.messages", due.Count);
        var partners = (await store.ListPartnersAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.NodeId, StringComparer.Ordinal);
        var sends = due.Select(message => DeliverAsync(message, partners.GetValueOrDefault(message.Recipient), cancellationToken)).ToArray();
        try
        {
            await Task.WhenAll(sends).ConfigureAwait(false);
        }
        finally
        {
            await delivering.CancelAsync().ConfigureAwait(false);
            await heartbeat.ConfigureAwait(false);
            // The receipts of the pass in one transaction (one commit instead of one per message); on shutdown too, for
            // those already in. A message whose mark is lost (crash) is sent again and the partner answers the same receipt.
            var delivered = new List<(string Id, string Receipt)>(due.Count);
            for (var i = 0; i < sends.Length; i++)
            {
                if (sends[i].IsCompletedSuccessfully && sends[i].Result is { } receipt)
                {
                    delivered.Add((due[i].Id, receipt));
                }
            }

            await store.MarkDeliveredAsync(delivered, clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            foreach (var message in due.Where((_, i) => sends[i].IsCompletedSuccessfully && sends[i].Result is not null))
            {
                NodeTelemetry.Deliveries.Add(1, new TagList { { "outcome", "delivered" }, { "type", message.Type } });
                LogDelivered(logger, message.Type, message.Id, message.Recipient, null);
            }
        }

        return due.Count;
    }

    /// <summary>The heartbeat of a pass: the claims of its messages still in flight are extended every third of a lease.</summary>
    private async Task RenewClaimsAsync(IReadOnlyList<string> ids, CancellationToken delivering)
    {
        using var timer = new PeriodicTimer(_exchange.ClaimLease / 3, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(delivering).ConfigureAwait(false))
            {
                await store.RenewClaimsAsync(ids, instance.Id, clock.GetUtcNow() + _exchange.ClaimLease, delivering).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (delivering.IsCancellationRequested)
        {
            // The pass is over.
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            // The deliveries go on; at worst another server sends a message again, and the partner stores it once.
            LogRenewFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 115, EventName = "OutboxClaimRenewFailed", Level = LogLevel.Warning, Message = "The outbox claims of this server could not be renewed; another server may send the same messages again")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception);

    /// <returns>The partner's verified receipt; null when the message was not delivered (its retry is then scheduled).</returns>
    private async Task<string?> DeliverAsync(OutboxMessage message, PartnerRecord? partner, CancellationToken cancellationToken)
    {
        string failure;
        if (partner is null)
        {
            failure = $"{message.Recipient} is no longer a registered partner.";
        }
        else
        {
            try
            {
                var (receipt, why) = await SendAsync(message, partner, cancellationToken).ConfigureAwait(false);
                if (receipt is not null)
                {
                    return receipt;
                }

                failure = why!;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Whatever went wrong with this one message, the others are still delivered and it is tried again later.
                failure = $"{ex.GetType().Name}: {ex.Message}";
            }
        }

        var wait = Backoff(message.Attempts, _exchange.RetryInitial, _exchange.RetryMax);
        NodeTelemetry.Deliveries.Add(1, new TagList { { "outcome", "retry" }, { "type", message.Type } });
        LogRetry(logger, message.Id, message.Recipient, message.Attempts, wait, failure, null);
        await store.MarkFailedAsync(message.Id, failure, clock.GetUtcNow() + wait, cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <returns>The partner's verified receipt, or else why not.</returns>
    private async Task<(string? Receipt, string? Failure)> SendAsync(OutboxMessage message, PartnerRecord partner, CancellationToken cancellationToken)
    {
        var envelope = JsonSerializer.Deserialize<MessageEnvelope>(message.EnvelopeJson, ExchangeJson.Options)!;
        var signed = keys.Sign(JsonSerializer.SerializeToUtf8Bytes(envelope with { SentAt = clock.GetUtcNow() }, ExchangeJson.Options), ExchangeMediaTypes.Message);
        using var content = new StringContent(signed, Encoding.ASCII);
        content.Headers.ContentType = new MediaTypeHeaderValue(ExchangeMediaTypes.Jose);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_exchange.RequestTimeout);
        string answer;
        try
        {
            using var client = http.CreateClient(HttpClientName);
            using var response = await client.PostAsync(new Uri(new Uri(partner.BaseUrl + "/"), "api/exchange/inbox"), content, timeout.Token).ConfigureAwait(false);
            answer = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"{(int)response.StatusCode} from {partner.NodeId}: {(answer.Length > 300 ? answer[..300] : answer)}");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (null, $"{partner.NodeId} unreachable: {ex.Message}");
        }

        return VerifyReceipt(answer, message, partner) is null
            ? (null, $"{partner.NodeId} answered without a valid signed receipt for {message.Id}.")
            : (answer, null);
    }

    /// <summary>The receipt when the partner signed it with one of its registered keys and it is for this very message.</summary>
    private MessageReceipt? VerifyReceipt(string answer, OutboxMessage message, PartnerRecord partner)
    {
        if (Jws.Parse(answer) is not { } jws || !string.Equals(jws.Type, ExchangeMediaTypes.Receipt, StringComparison.Ordinal)
            || PartnerKeys.Verify(jws, [partner], clock.GetUtcNow(), out _) != PartnerKeys.Verdict.Verified)
        {
            return null;
        }

        try
        {
            var receipt = JsonSerializer.Deserialize<MessageReceipt>(jws.Payload, ExchangeJson.Options);
            return receipt is not null && receipt.MessageId == message.Id && receipt.Sender == _nodeId && receipt.Recipient == partner.NodeId
                && receipt.Status == "accepted"
                ? receipt
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The wait after the given number of failed attempts: <paramref name="initial"/> after the first, doubling, never more than <paramref name="max"/>.</summary>
    public static TimeSpan Backoff(int attempts, TimeSpan initial, TimeSpan max)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 30);
        var wait = initial.TotalMilliseconds * Math.Pow(2, doublings);
        return TimeSpan.FromMilliseconds(Math.Min(wait, max.TotalMilliseconds));
    }

    /// <summary>Counts the undelivered messages for the outbox gauge, at most once per poll interval.</summary>
    private async Task CountOutboxAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now - _countedAt >= _exchange.PollInterval)
        {
            _countedAt = now;
            NodeTelemetry.OutboxDepth(await store.CountPendingAsync(cancellationToken).ConfigureAwait(false));
        }
    }

    private async Task<TimeSpan> UntilNextDueAsync(CancellationToken cancellationToken)
    {
        var next = await store.NextDueAsync(cancellationToken).ConfigureAwait(false);
        var wait = next is { } due ? due - clock.GetUtcNow() : _exchange.PollInterval;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > _exchange.PollInterval ? _exchange.PollInterval : wait;
    }

    [LoggerMessage(EventId = 42, EventName = "ExchangeDelivered", Level = LogLevel.Information,
        Message = "Delivered {Type} message {MessageId} to {Recipient}")]
    private static partial void LogDelivered(ILogger logger, string type, string messageId, string recipient, Exception? exception);

    [LoggerMessage(EventId = 43, EventName = "ExchangeRetry", Level = LogLevel.Warning,
        Message = "Message {MessageId} to {Recipient} not delivered (attempt {Attempts}); retrying in {Wait}: {Failure}")]
    private static partial void LogRetry(ILogger logger, string messageId, string recipient, int attempts, TimeSpan wait, string failure, Exception? exception);

    private static void LogLoopFailed(ILogger logger, Exception ex) => LogLoop(logger, ex);

    [LoggerMessage(EventId = 44, EventName = "ExchangeLoopFailed", Level = LogLevel.Error,
        Message = "The outbox could not be read; trying again shortly")]
    private static partial void LogLoop(ILogger logger, Exception? exception);
}
