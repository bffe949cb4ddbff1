using System.Xml.Linq;

namespace SmartCustoms.Domain.Declarations.Wco;

/// <summary>
/// Parties are looked for where DMS 3.6 puts them first, then where other WCO profiles do: the importer and
/// consignee under GoodsShipment, the exporter and declarant on the declaration, the carrier on Consignment.
/// </summary>
internal static class WcoPartyMapper
{
    public static Party? Declarant(XElement declaration) => Party(declaration.Child("Declarant"));

    public static Party? Exporter(XElement declaration) =>
        Party(declaration.Child("Exporter") ?? declaration.Path("GoodsShipment", "Exporter"));

    public static Party? Importer(XElement declaration) =>
        Party(declaration.Path("GoodsShipment", "Importer") ?? declaration.Child("Importer"));

    public static Party? Consignee(XElement declaration) =>
        Party(declaration.Path("GoodsShipment", "Consignee") ?? declaration.Child("Consignee"));

    public static Party? Consignor(XElement declaration) =>
        Party(declaration.Path("GoodsShipment", "Consignor")
            ?? declaration.Path("Consignment", "Consignor")
            ?? declaration.Child("Consignor"));

    public static Party? Agent(XElement declaration) => Party(declaration.Child("Agent"));

    public static Party? Carrier(XElement declaration) =>
        Party(declaration.Path("Consignment", "Carrier") ?? declaration.Path("GoodsShipment", "Consignment", "Carrier"));

    public static IReadOnlyList<AuthorisationHolder> AuthorisationHolders(XElement declaration) =>
    [
        .. declaration.Children("AuthorisationHolder").Select(holder => new AuthorisationHolder
        {
            Id = holder.Text("ID"),
            Category = holder.Text("CategoryCode"),
        }),
    ];

    private static Party? Party(XElement? party) => party is null ? null : new Party
    {
        Id = party.Text("ID"),
        Name = party.Text("Name"),
        Address = Address(party.Child("Address")),
        FunctionCode = party.Text("FunctionCode"),
    };

    private static Address? Address(XElement? address) => address is null ? null : new Address
    {
        Line = address.Text("Line"),
        City = address.Text("CityName"),
        Postcode = address.Text("PostcodeID"),
        Country = address.Text("CountryCode"),
    };
}
