using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Server.Declarations;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Exchange;

namespace SmartCustoms.Server.Exchange;

/// <summary>
/// <c>POST /api/exchange/inbox</c>: a partner's signed message. The signature is checked before anything else (the
/// endpoint has no API key: the partner's registered key is its credential), then sender, recipient, replay,
/// agreement and freshness; an accepted message is stored once and answered with a signed receipt.
/// </summary>
public sealed partial class InboxService(
    IExchangeStore store, NodeKeyRing keys, IOptions<SmartCustomsOptions> options, TimeProvider clock, ILogger<InboxService> logger)
{
    private readonly SmartCustomsOptions _options = options.Value;

    public async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var activity = NodeTelemetry.Source.StartActivity("exchange.receive");
        var result = await ReceiveCoreAsync(request, cancellationToken).ConfigureAwait(false);
        // A receipt (first or replayed) carries no status of its own; every refusal is a problem with one.
        var outcome = result is IStatusCodeHttpResult { StatusCode: >= 400 } ? "refused" : "accepted";
        NodeTelemetry.InboxMessages.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        activity?.SetTag("smartcustoms.outcome", outcome);
        return result;
    }

    private async Task<IResult> ReceiveCoreAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await BodyReader.ReadAsync(request, _options.Exchange.MaxMessageBytes, cancellationToken).ConfigureAwait(false);
        if (!body.Succeeded)
        {
            return body.Refusal.ToResult();
        }

        var compact = Encoding.ASCII.GetString(body.Value);
        if (Jws.Parse(compact) is not { } jws || !string.Equals(jws.Type, ExchangeMediaTypes.Message, StringComparison.Ordinal))
        {
            return Refuse(RefusalKind.Invalid, "Not a message", $"Send an ES256 JWS in compact serialization with typ {ExchangeMediaTypes.Message} and a kid.", "message.malformed");
        }

        var now = clock.GetUtcNow();
        var partners = await store.ListPartnersAsync(cancellationToken).ConfigureAwait(false);
        switch (PartnerKeys.Verify(jws, partners, now, out var partner))
        {
            case PartnerKeys.Verdict.UnknownKey:
                return Refuse(RefusalKind.Unauthenticated, "Unknown sender", "No registered partner has the key this message is signed with.", "sender.unknown");
            case PartnerKeys.Verdict.KeyNotValid:
                return Refuse(RefusalKind.Unauthenticated, "Key not valid", "The key this message is signed with is outside its validity period.", "key.not-valid");
            case PartnerKeys.Verdict.BadSignature:
                LogRefused(logger, partner!.NodeId, "signature.invalid", null);
                return Refuse(RefusalKind.Unauthenticated, "Bad signature", "The signature does not match the message.", "signature.invalid");
        }

        MessageEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<MessageEnvelope>(jws.Payload, ExchangeJson.Options);
        }
        catch (JsonException)
        {
            envelope = null;
        }

        if (envelope is null)
        {
            // JSON null, an array, a number, a string, or an object that is not an envelope.
            return Refuse(RefusalKind.Invalid, "Not an envelope", "The payload is not a message envelope (id, type, sender, recipient, createdAt, sentAt, payload).", "envelope.invalid");
        }

        if (CheckParties(envelope, partner!) is { } refusal)
        {
            return refusal;
        }

        var replayed = await store.FindReceiptAsync(envelope.Sender, envelope.Id, cancellationToken).ConfigureAwait(false);
        if (replayed is not null)
        {
            // The sender may not have had our first answer: the same receipt again, nothing stored twice.
            return Receipt(replayed);
        }

        if (CheckContent(envelope, partner!, now) is { } problem)
        {
            return problem;
        }

        if (!InboxPayloads.Read(envelope, now).TryGetValue(out var effects, out var bad))
        {
            LogRefused(logger, partner!.NodeId, bad.Code, null);
            return bad.ToResult();
        }

        return await StoreAsync(envelope, compact, effects, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Who the message says it is from and for, against who signed it and who this node is.</summary>
    private IResult? CheckParties(MessageEnvelope envelope, PartnerRecord partner)
    {
        IResult? refusal = null;
        if (!string.Equals(envelope.Sender, partner.NodeId, StringComparison.Ordinal))
        {
            refusal = Refuse(RefusalKind.Forbidden, "Sender mismatch", $"The message says it is from {envelope.Sender} but is signed with a key of {partner.NodeId}.", "sender.mismatch");
        }
        else if (!string.Equals(envelope.Recipient, _options.NodeId, StringComparison.Ordinal))
        {
            refusal = Refuse(RefusalKind.Forbidden, "Wrong recipient", $"The message is for {envelope.Recipient}; this node is {_options.NodeId}.", "recipient.wrong");
        }
        else if (string.IsNullOrWhiteSpace(envelope.Id) || envelope.Id.Length > 64)
        {
            refusal = Refuse(RefusalKind.Invalid, "Bad message id", "The message id is 1 to 64 characters.", "envelope.id");
        }

        return refusal;
    }

    /// <summary>What is checked only for a message not seen before: the agreement and the clocks.</summary>
    private IResult? CheckContent(MessageEnvelope envelope, PartnerRecord partner, DateTimeOffset now)
    {
        if (!partner.Agreement().TheySend.Contains(envelope.Type, StringComparer.Ordinal))
        {
            LogRefused(logger, partner.NodeId, "type.not-agreed", null);
            return Refuse(RefusalKind.Forbidden, "Type not agreed", $"The agreement with {partner.NodeId} does not let it send '{envelope.Type}' messages.", "type.not-agreed");
        }

        var exchange = _options.Exchange;
        if (envelope.SentAt is not { } sentAt || sentAt < now - exchange.MaxMessageAge)
        {
            return Refuse(RefusalKind.Invalid, "Stale message", $"The message was sent more than {exchange.MaxMessageAge} ago (by this node's clock).", "message.stale");
        }

        if (sentAt > now + exchange.MaxClockAhead || envelope.CreatedAt > now + exchange.MaxClockAhead || envelope.CreatedAt > sentAt)
        {
            return Refuse(RefusalKind.Invalid, "Future-dated message", $"The message is dated more than {exchange.MaxClockAhead} ahead of this node's clock, or created after it was sent.", "message.future");
        }

        return null;
    }

    private async Task<IResult> StoreAsync(MessageEnvelope envelope, string compact, InboxEffects effects, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var receipt = JsonSerializer.SerializeToUtf8Bytes(
            new MessageReceipt { MessageId = envelope.Id, Sender = envelope.Sender, Recipient = _options.NodeId, ReceivedAt = now }, ExchangeJson.Options);
        var signed = keys.Sign(receipt, ExchangeMediaTypes.Receipt);
        var message = new InboxMessage(envelope.Sender, envelope.Id, envelope.Type, envelope.CreatedAt, now, compact, envelope.Payload.GetRawText(), signed);
        var stored = await store.AcceptAsync(message, effects, cancellationToken).ConfigureAwait(false);
        if (stored.Stored)
        {
            LogAccepted(logger, envelope.Type, envelope.Id, envelope.Sender, null);
        }

        return Receipt(stored.Receipt);
    }

    private static IResult Receipt(string compact) => Results.Text(compact, ExchangeMediaTypes.Jose, Encoding.ASCII);

    private static IResult Refuse(RefusalKind kind, string title, string detail, string code) => Refusal.Single(kind, title, detail, code, "").ToResult();

    [LoggerMessage(EventId = 40, EventName = "ExchangeAccepted", Level = LogLevel.Information,
        Message = "Accepted {Type} message {MessageId} from {Sender}")]
    private static partial void LogAccepted(ILogger logger, string type, string messageId, string sender, Exception? exception);

    [LoggerMessage(EventId = 41, EventName = "ExchangeRefused", Level = LogLevel.Warning,
        Message = "Refused a message signed by {Sender}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string sender, string reason, Exception? exception);
}
