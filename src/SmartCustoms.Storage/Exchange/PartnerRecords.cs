using System.Text.Json;
using SmartCustoms.Domain.Exchange;

namespace SmartCustoms.Storage.Exchange;

/// <summary>Between a checked registration and its row, for the API and the CLI alike.</summary>
public static class PartnerRecords
{
    /// <summary>The row of a registration that <see cref="PartnerValidation.Check"/> found without fault.</summary>
    public static PartnerRecord From(PartnerRegistration registration, string registeredBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var card = registration.Card ?? throw new ArgumentException("The registration has no card.", nameof(registration));
        return new PartnerRecord(
            card.NodeId!, card.Country!, card.BaseUrl!.TrimEnd('/'), JsonSerializer.Serialize(card, ExchangeJson.Options),
            JsonSerializer.Serialize(registration.Agreement, ExchangeJson.Options), registeredBy, at, at);
    }

    public static NodeCard Card(this PartnerRecord partner)
    {
        ArgumentNullException.ThrowIfNull(partner);
        return JsonSerializer.Deserialize<NodeCard>(partner.CardJson, ExchangeJson.Options)!;
    }

    public static Agreement Agreement(this PartnerRecord partner)
    {
        ArgumentNullException.ThrowIfNull(partner);
        return JsonSerializer.Deserialize<Agreement>(partner.AgreementJson, ExchangeJson.Options)!;
    }
}
