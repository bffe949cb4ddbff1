using System.Xml.Linq;

namespace SmartCustoms.Domain.Declarations.Wco;

/// <summary>Declaration-level fields, and the assembly of the parts read by the party, transport and item mappers.</summary>
internal static class WcoHeaderMapper
{
    public static Declaration Map(XElement declaration, WcoReadContext context)
    {
        var shipment = declaration.Child("GoodsShipment");
        return new Declaration
        {
            Type = declaration.Text("TypeCode"),
            FunctionCode = declaration.Text("FunctionCode"),
            Lrn = declaration.Text("FunctionalReferenceID"),
            // DMS carries the office as a plain DeclarationOfficeID; the full WCO model nests it in DeclarationOffice.
            DeclarationOffice = declaration.Text("DeclarationOfficeID") ?? declaration.Text("DeclarationOffice", "ID"),
            SupervisingOffice = declaration.Text("SupervisingOffice", "ID"),
            ExitOffice = declaration.Text("ExitOffice", "ID"),
            IssueDateTime = context.DateTime(declaration.Child("IssueDateTime")),

            Declarant = WcoPartyMapper.Declarant(declaration),
            Importer = WcoPartyMapper.Importer(declaration),
            Exporter = WcoPartyMapper.Exporter(declaration),
            Consignor = WcoPartyMapper.Consignor(declaration),
            Consignee = WcoPartyMapper.Consignee(declaration),
            Agent = WcoPartyMapper.Agent(declaration),
            Carrier = WcoPartyMapper.Carrier(declaration),
            AuthorisationHolders = WcoPartyMapper.AuthorisationHolders(declaration),

            ExportCountry = shipment.Text("ExportCountry", "ID"),
            DestinationCountry = shipment.Text("Destination", "CountryCode"),
            RoutingCountries = WcoTransportMapper.RoutingCountries(declaration, context),
            GoodsLocation = WcoTransportMapper.GoodsLocation(declaration),
            Transport = WcoTransportMapper.Transport(declaration, context),

            GoodsItemQuantity = context.Integer(declaration.Child("GoodsItemQuantity")),
            TotalPackageQuantity = context.Integer(declaration.Child("TotalPackageQuantity")),
            TotalGrossMass = context.Kilograms(declaration.Child("TotalGrossMassMeasure")),
            InvoiceAmount = context.Money(declaration.Child("InvoiceAmount")),
            ExchangeRate = context.Decimal(declaration.Path("CurrencyExchange", "RateNumeric")),
            TradeTermsCode = shipment.Text("TradeTerms", "ConditionCode"),
            TradeTermsLocation = shipment.Text("TradeTerms", "LocationID"),

            Items = WcoItemMapper.Items(shipment, context),
            // Previous documents belong to the goods shipment in DMS; other profiles put them on the declaration.
            PreviousDocuments = [.. Documents(declaration, "PreviousDocument", context), .. Documents(shipment, "PreviousDocument", context)],
            AdditionalDocuments = [.. Documents(declaration, "AdditionalDocument", context), .. Documents(shipment, "AdditionalDocument", context)],
        };
    }

    /// <summary>PreviousDocument or AdditionalDocument children of a declaration, goods shipment or goods item.</summary>
    public static IReadOnlyList<DocumentReference> Documents(XElement? parent, string localName, WcoReadContext context) =>
    [
        .. parent.Children(localName).Select(document => new DocumentReference
        {
            Category = document.Text("CategoryCode"),
            Type = document.Text("TypeCode"),
            Id = document.Text("ID"),
            Line = context.Integer(document.Child("LineNumeric")),
        }),
    ];
}
