using System.Text.Json;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Storage.Exchange;

namespace SmartCustoms.Server.Exchange;

/// <summary>The one way a message for a partner is written to the outbox: an unsigned envelope, signed at each delivery attempt.</summary>
public static class OutboxEnvelopes
{
    /// <summary>A message of <paramref name="type"/> from <paramref name="sender"/> to <paramref name="recipient"/>, created at <paramref name="at"/>.</summary>
    public static OutboxMessage Create<T>(string sender, string recipient, string type, T payload, DateTimeOffset at)
    {
        var envelope = new MessageEnvelope
        {
            Id = Guid.CreateVersion7(at).ToString("N"),
            Type = type,
            Sender = sender,
            Recipient = recipient,
            CreatedAt = at,
            Payload = JsonSerializer.SerializeToElement(payload, ExchangeJson.Options),
        };
        return new OutboxMessage(envelope.Id, envelope.Recipient, envelope.Type, JsonSerializer.Serialize(envelope, ExchangeJson.Options), at);
    }

    /// <summary>The partners among <paramref name="recipients"/> of the declaration's country of destination: those an export concerns.</summary>
    public static IEnumerable<(PartnerRecord Partner, Agreement Agreement)> OfDestination(
        IEnumerable<(PartnerRecord Partner, Agreement Agreement)> recipients, Domain.Declarations.Declaration declaration)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(declaration);
        return recipients.Where(r => string.Equals(r.Partner.Country, declaration.DestinationCountry, StringComparison.Ordinal));
    }

    /// <summary>The partners whose agreement lets this node send <paramref name="type"/>, with the agreement read once.</summary>
    public static IReadOnlyList<(PartnerRecord Partner, Agreement Agreement)> Allowing(IEnumerable<PartnerRecord> partners, string type) =>
        [.. partners.Select(p => (Partner: p, Agreement: p.Agreement())).Where(p => p.Agreement.WeSend.Contains(type, StringComparer.Ordinal))];
}
