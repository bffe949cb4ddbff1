using System.Text.Json;
using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Controls;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Declarations;
using SmartCustoms.Storage.Exchange;

namespace SmartCustoms.Server.Exchange;

/// <summary>
/// The <c>control-result</c> messages an inspection result on an export causes: one to each partner of the destination
/// country whose agreement lets this node send control results, with the outcome, the inspecting office and the seals
/// on the containers afterwards (those the officer named, else the seals declared, found intact).
/// </summary>
public sealed class ControlResultOutbox(IExchangeStore store, IOptions<SmartCustomsOptions> options)
{
    /// <summary>The partners control results may go to; read before the transaction that records the inspection.</summary>
    public async Task<IReadOnlyList<(PartnerRecord Partner, Agreement Agreement)>> RecipientsAsync(CancellationToken cancellationToken) =>
        OutboxEnvelopes.Allowing(await store.ListPartnersAsync(cancellationToken).ConfigureAwait(false), MessageTypes.ControlResult);

    public IReadOnlyList<OutboxMessage> Messages(
        IReadOnlyList<(PartnerRecord Partner, Agreement Agreement)> recipients, DeclarationRecord record, NewInspection inspection)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(inspection);
        var declaration = record.Declaration;
        if (!declaration.IsExport)
        {
            return [];
        }

        var to = OutboxEnvelopes.OfDestination(recipients, declaration).ToList();
        if (to.Count == 0)
        {
            return [];
        }

        var payload = new ControlResultPayload
        {
            Mrn = record.Mrn,
            Lrn = declaration.Lrn,
            Office = declaration.DeclarationOffice ?? declaration.ExitOffice ?? options.Value.NodeId,
            InspectedAt = inspection.At,
            Lane = JsonNamingPolicy.CamelCase.ConvertName(inspection.Lane.ToString()),
            Findings = inspection.Findings,
            Categories = [.. inspection.Categories.Select(FindingCategories.NameOf)],
            Containers = inspection.Seals.Count > 0 ? inspection.Seals : DeclaredSeals(declaration),
            TransportDocument = declaration.Transport?.TransportDocument?.Id,
        };
        return [.. to.Select(r => OutboxEnvelopes.Create(options.Value.NodeId, r.Partner.NodeId, MessageTypes.ControlResult, payload, inspection.At))];
    }

    private static IReadOnlyList<ContainerSeals> DeclaredSeals(Declaration declaration) =>
        [.. (declaration.Transport?.Containers ?? [])
            .Where(c => !string.IsNullOrWhiteSpace(c.Id) && c.Seals.Count > 0)
            .Select(c => new ContainerSeals { Container = ContainerSeals.Normalise(c.Id), Seals = [.. c.Seals.Select(ContainerSeals.Normalise)] })];
}
