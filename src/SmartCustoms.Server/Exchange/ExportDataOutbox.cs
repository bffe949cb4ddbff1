using System.Text.Json;
using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Exchange;

namespace SmartCustoms.Server.Exchange;

/// <summary>
/// The <c>export-data</c> messages an export causes when it is accepted and again when it is released: one to each
/// partner of the destination country whose agreement lets this node send export data, holding only the fields
/// that agreement shares.
/// </summary>
public sealed class ExportDataOutbox(IExchangeStore store, IOptions<SmartCustomsOptions> options)
{
    /// <summary>The partners export data may go to, with what each agreed; read before the transaction that queues the messages.</summary>
    public sealed record Recipients(IReadOnlyList<(PartnerRecord Partner, Agreement Agreement)> Partners);

    public async Task<Recipients> RecipientsAsync(CancellationToken cancellationToken)
    {
        var partners = await store.ListPartnersAsync(cancellationToken).ConfigureAwait(false);
        return new Recipients(OutboxEnvelopes.Allowing(partners, MessageTypes.ExportData));
    }

    /// <returns>The messages for the lodging's transaction, given its MRN; null when the declaration concerns no partner.</returns>
    public async Task<Func<string, IReadOnlyList<OutboxMessage>>?> PrepareAsync(
        Declaration declaration, DeclarationStatus status, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        if (!declaration.IsExport)
        {
            return null;
        }

        var recipients = await RecipientsAsync(cancellationToken).ConfigureAwait(false);
        return Concerns(recipients, declaration) ? mrn => Messages(recipients, mrn, declaration, status, at, at) : null;
    }

    /// <summary>The messages for an export's change of status at <paramref name="at"/>; none when it is no export or its destination is no partner's.</summary>
    public IReadOnlyList<OutboxMessage> Messages(
        Recipients recipients, string mrn, Declaration declaration, DeclarationStatus status, DateTimeOffset acceptedAt, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(declaration);
        if (!declaration.IsExport)
        {
            return [];
        }

        return [.. OutboxEnvelopes.OfDestination(recipients.Partners, declaration).Select(r =>
        {
            var payload = new ExportDataPayload
            {
                Mrn = mrn,
                Status = JsonNamingPolicy.CamelCase.ConvertName(status.ToString()),
                AcceptedAt = acceptedAt,
                // Data minimisation happens here, before anything is written: what the agreement does not share never reaches the outbox.
                Declaration = JsonSerializer.SerializeToElement(SharedFields.Select(declaration, r.Agreement.SharedFields)),
            };
            return OutboxEnvelopes.Create(options.Value.NodeId, r.Partner.NodeId, MessageTypes.ExportData, payload, at);
        })];
    }

    private static bool Concerns(Recipients recipients, Declaration declaration) =>
        OutboxEnvelopes.OfDestination(recipients.Partners, declaration).Any();
}
