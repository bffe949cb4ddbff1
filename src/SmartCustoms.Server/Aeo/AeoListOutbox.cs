using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Server.Exchange;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Aeo;
using SmartCustoms.Storage.Exchange;

namespace SmartCustoms.Server.Aeo;

/// <summary>
/// The <c>aeo-list</c> messages a change of the register causes: the whole list (every entry not yet expired) to each
/// partner whose agreement lets this node send it, queued in the change's transaction. A list that would not fit in
/// one message a partner accepts refuses the change instead (<see cref="AeoListTooLargeException"/>).
/// </summary>
public sealed class AeoListOutbox(IExchangeStore exchange, IOptions<SmartCustomsOptions> options)
{
    // JWS header (alg, kid, typ) and ES256 signature in base64url, and the sentAt added at each attempt, with room to spare.
    private const int SigningOverhead = 512;

    /// <summary>The messages for the change's transaction; null when no partner takes this node's AEO list.</summary>
    public async Task<AeoOutbox?> PrepareAsync(CancellationToken cancellationToken)
    {
        var partners = OutboxEnvelopes.Allowing(await exchange.ListPartnersAsync(cancellationToken).ConfigureAwait(false), MessageTypes.AeoList);
        return partners.Count == 0 ? null : state => Messages(partners.Select(p => p.Partner.NodeId).ToList(), state);
    }

    /// <summary>The list as <paramref name="state"/> has it, to each of <paramref name="recipients"/>.</summary>
    public IReadOnlyList<OutboxMessage> Messages(IReadOnlyList<string> recipients, AeoRegisterState state)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(state);
        var today = DateOnly.FromDateTime(state.ListedAt.UtcDateTime);
        var payload = new AeoListPayload
        {
            ListedAt = state.ListedAt,
            Entries = [.. state.Entries.Where(e => e.ValidTo is null || e.ValidTo >= today).Select(e => new AeoListEntry
            {
                TraderId = e.TraderId, Name = e.Name, Country = e.Country, Certificate = e.Certificate, ValidFrom = e.ValidFrom, ValidTo = e.ValidTo,
            })],
        };
        if (payload.Entries.Count > AeoListPayload.MaxEntries)
        {
            throw new AeoListTooLargeException(string.Create(CultureInfo.InvariantCulture,
                $"The AEO list would have {payload.Entries.Count} entries; a partner takes at most {AeoListPayload.MaxEntries}. Nothing was changed."));
        }

        var max = options.Value.Exchange.MaxMessageBytes;
        var messages = new List<OutboxMessage>(recipients.Count);
        foreach (var recipient in recipients)
        {
            var message = OutboxEnvelopes.Create(options.Value.NodeId, recipient, MessageTypes.AeoList, payload, state.ListedAt);
            var size = SignedSize(message.EnvelopeJson);
            if (size > max)
            {
                throw new AeoListTooLargeException(string.Create(CultureInfo.InvariantCulture,
                    $"The AEO list ({payload.Entries.Count} entries) would be a message of about {size} bytes once signed, more than the {max} bytes " +
                    $"a partner accepts (SmartCustoms:Exchange:MaxMessageBytes). Nothing was changed; shorten the register or raise the limit on every node."));
            }

            messages.Add(message);
        }

        return messages;
    }

    /// <summary>About the size of the compact JWS the delivery service will send for an envelope.</summary>
    public static int SignedSize(string envelopeJson)
    {
        ArgumentNullException.ThrowIfNull(envelopeJson);
        var bytes = (long)Encoding.UTF8.GetByteCount(envelopeJson);
        return (int)Math.Min(int.MaxValue, ((bytes * 4) + 2) / 3 + SigningOverhead);
    }
}

/// <summary>A change of the register refused because the list it would send is larger than a partner accepts.</summary>
public sealed class AeoListTooLargeException : Exception
{
    public AeoListTooLargeException()
    {
    }

    public AeoListTooLargeException(string message)
        : base(message)
    {
    }

    public AeoListTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
