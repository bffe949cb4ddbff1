using System.Xml.Linq;

namespace SmartCustoms.Domain.Declarations.Wco;

/// <summary>
/// Transport is split across the WCO tree: the border means on the declaration, the itinerary and carrier on
/// the declaration's Consignment, and the inland means, containers and location on the goods shipment's.
/// </summary>
internal static class WcoTransportMapper
{
    public static Transport? Transport(XElement declaration, WcoReadContext context)
    {
        var border = declaration.Child("BorderTransportMeans");
        var consignment = declaration.Path("GoodsShipment", "Consignment");
        // Imports declare the means on arrival, exports the means on departure; a declaration has one or the other.
        var inland = consignment.Child("ArrivalTransportMeans") ?? consignment.Child("DepartureTransportMeans");
        var contract = consignment.Child("TransportContractDocument") ?? declaration.Path("Consignment", "TransportContractDocument");
        var containerCode = consignment.Child("ContainerCode");
        var equipment = consignment.Children("TransportEquipment").ToList();
        if (border is null && inland is null && contract is null && containerCode is null && equipment.Count == 0)
        {
            return null;
        }

        return new Transport
        {
            ModeAtBorder = border.Text("ModeCode"),
            BorderMeansId = border.Text("ID"),
            BorderMeansIdType = border.Text("IdentificationTypeCode"),
            BorderMeansNationality = border.Text("RegistrationNationalityCode"),
            InlandMeansId = inland.Text("ID"),
            InlandMeansIdType = inland.Text("IdentificationTypeCode"),
            TransportDocument = contract is null ? null : new DocumentReference { Id = contract.Text("ID"), Type = contract.Text("TypeCode") },
            Containerised = Indicator(containerCode, context),
            Containers = [.. equipment.Select(e => Container(e, context))],
        };
    }

    /// <summary>Countries of routing in SequenceNumeric order; unnumbered stops keep their place in the document.</summary>
    public static IReadOnlyList<string> RoutingCountries(XElement declaration, WcoReadContext context) =>
    [
        .. declaration.Path("Consignment").Children("Itinerary")
            .Select((stop, position) => (Order: context.Integer(stop.Child("SequenceNumeric")) ?? position + 1, Country: stop.Text("RoutingCountryCode")))
            .OrderBy(stop => stop.Order)
            .Select(stop => stop.Country)
            .OfType<string>(),
    ];

    /// <summary>
    /// The raw location name, whatever its qualifier: with qualifier U it is UN/LOCODE-based (e.g. WLALONBTW),
    /// with Y an authorisation number. Judging it is the validator's work, not the reader's.
    /// </summary>
    public static string? GoodsLocation(XElement declaration)
    {
        var location = declaration.Path("GoodsShipment", "Consignment", "GoodsLocation");
        return location.Text("Name") ?? location.Text("ID");
    }

    private static Container Container(XElement equipment, WcoReadContext context) => new()
    {
        Sequence = context.Integer(equipment.Child("SequenceNumeric")),
        Id = equipment.Text("ID"),
        Seals = [.. equipment.Children("Seal").Select(seal => seal.Text("ID")).OfType<string>()],
    };

    private static bool? Indicator(XElement? element, WcoReadContext context)
    {
        switch (element.Text())
        {
            case null:
                return null;
            case "1":
                return true;
            case "0":
                return false;
            default:
                context.Report("xml.invalid-indicator", $"{element!.Name.LocalName} must be 0 or 1.", WcoXml.PointerOf(element));
                return null;
        }
    }
}
