using System.Globalization;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Server.Exchange;
using SmartCustoms.Storage.Aeo;
using SmartCustoms.Storage.Exchange;

namespace SmartCustoms.Server.Aeo;

/// <summary>
/// A received <c>aeo-list</c> payload, checked before anything is stored: every entry has a trader id (as a declaration
/// takes it), a name, a country and a first day of validity; no id twice; at most <see cref="AeoListPayload.MaxEntries"/>.
/// </summary>
public static class AeoListMessages
{
    public static Outcome<InboxEffects> Read(MessageEnvelope envelope, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (InboxPayloads.Payload<AeoListPayload>(envelope) is not { } payload)
        {
            return InboxPayloads.Refused("An aeo-list payload has listedAt and entries (traderId, name, country, certificate, validFrom, validTo).");
        }

        if (payload.Entries.Count > AeoListPayload.MaxEntries)
        {
            return InboxPayloads.Refused(string.Create(CultureInfo.InvariantCulture,
                $"An aeo-list holds at most {AeoListPayload.MaxEntries} entries; this one has {payload.Entries.Count}."));
        }

        var entries = new List<PartnerAeoEntry>(payload.Entries.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < payload.Entries.Count; i++)
        {
            var e = payload.Entries[i];
            var id = e is null || string.IsNullOrWhiteSpace(e.TraderId) ? null : AeoInput.NormaliseId(e.TraderId);
            string? problem = null;
            if (e is null || id is null || id.Length > AeoInput.MaxTraderId || id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                problem = "has no trader id, or one a declaration would not take";
            }
            else if (!seen.Add(id))
            {
                problem = $"repeats trader {id}";
            }
            else if (string.IsNullOrWhiteSpace(e.Name) || e.Name.Length > AeoInput.MaxName || e.Country is not { Length: 2 } || !e.Country.All(char.IsAsciiLetter))
            {
                problem = "has no name (up to 200 characters) or no two-letter country";
            }
            else if ((e.Certificate?.Length ?? 0) > 16 || e.ValidTo < e.ValidFrom)
            {
                problem = "has a certificate longer than 16 characters or ends before it starts";
            }

            if (problem is not null)
            {
                return InboxPayloads.Refused(string.Create(CultureInfo.InvariantCulture, $"Entry {i} of the aeo-list {problem}."));
            }

            entries.Add(new PartnerAeoEntry(id!, e!.Name.Trim(), e.Country.ToUpperInvariant(), string.IsNullOrWhiteSpace(e.Certificate) ? null : e.Certificate.Trim().ToUpperInvariant(), e.ValidFrom, e.ValidTo));
        }

        return new InboxEffects
        {
            AeoList = new PartnerAeoList(envelope.Sender, envelope.Id, envelope.CreatedAt, payload.ListedAt, receivedAt, entries),
        };
    }
}
