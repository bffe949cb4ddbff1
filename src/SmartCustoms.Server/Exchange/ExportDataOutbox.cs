using System.Text.Json;
using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Exchange;

namespace SmartCustoms.Server.Exchange;

/// <summary>
/// The <c>export-data</c> messages a lodged export causes: one to the partner of the destination country, when the
/// agreement lets this node send export data, holding only the fields the agreement shares.
/// </summary>
public sealed class ExportDataOutbox(IExchangeStore store, IOptions<SmartCustomsOptions> options)
{
    /// <returns>The messages for the lodging's transaction, given its MRN; null when the declaration concerns no partner.</returns>
    public async Task<Func<string, IReadOnlyList<OutboxMessage>>?> PrepareAsync(
        Declaration declaration, DateTimeOffset acceptedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        if (!declaration.IsExport || declaration.DestinationCountry is not { } destination)
        {
            return null;
        }

        var partners = await store.ListPartnersAsync(cancellationToken).ConfigureAwait(false);
        var recipients = partners
            .Where(p => string.Equals(p.Country, destination, StringComparison.Ordinal))
            .Select(p => (Partner: p, Agreement: p.Agreement()))
            .Where(p => p.Agreement.WeSend.Contains(MessageTypes.ExportData, StringComparer.Ordinal))
            .ToList();
        if (recipients.Count == 0)
        {
            return null;
        }

        var sender = options.Value.NodeId;
        return mrn => [.. recipients.Select(r =>
        {
            var payload = new ExportDataPayload
            {
                Mrn = mrn,
                AcceptedAt = acceptedAt,
                // Data minimisation happens here, before anything is written: what the agreement does not share never reaches the outbox.
                Declaration = JsonSerializer.SerializeToElement(SharedFields.Select(declaration, r.Agreement.SharedFields)),
            };
            var envelope = new MessageEnvelope
            {
                Id = Guid.CreateVersion7(acceptedAt).ToString("N"),
                Type = MessageTypes.ExportData,
                Sender = sender,
                Recipient = r.Partner.NodeId,
                CreatedAt = acceptedAt,
                Payload = JsonSerializer.SerializeToElement(payload, ExchangeJson.Options),
            };
            return new OutboxMessage(envelope.Id, envelope.Recipient, envelope.Type, JsonSerializer.Serialize(envelope, ExchangeJson.Options), acceptedAt);
        })];
    }
}
