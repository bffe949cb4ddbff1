namespace SmartCustoms.Domain.Declarations.Wco;

/// <summary>
/// Where each canonical field lives in a DMS 3.6 declaration: camelCase property names of the canonical
/// JSON on the left, the WCO element path on the right.
/// </summary>
public static partial class WcoPointer
{
    private const string Shipment = "Declaration/GoodsShipment";
    private const string ShipmentConsignment = "Declaration/GoodsShipment/Consignment";

    // Keeps "index + 2" clear of overflow; no list in a declaration comes near it.
    private const int MaxIndex = 1_000_000;

    private static readonly Dictionary<string, string> HeaderFields = new(StringComparer.Ordinal)
    {
        ["type"] = "Declaration/TypeCode",
        ["functionCode"] = "Declaration/FunctionCode",
        ["lrn"] = "Declaration/FunctionalReferenceID",
        ["declarationOffice"] = "Declaration/DeclarationOfficeID",
        ["supervisingOffice"] = "Declaration/SupervisingOffice/ID",
        ["exitOffice"] = "Declaration/ExitOffice/ID",
        ["issueDateTime"] = "Declaration/IssueDateTime/DateTimeString",
        ["exportCountry"] = $"{Shipment}/ExportCountry/ID",
        ["destinationCountry"] = $"{Shipment}/Destination/CountryCode",
        ["goodsLocation"] = $"{ShipmentConsignment}/GoodsLocation/Name",
        ["goodsItemQuantity"] = "Declaration/GoodsItemQuantity",
        ["totalPackageQuantity"] = "Declaration/TotalPackageQuantity",
        ["totalGrossMass"] = "Declaration/TotalGrossMassMeasure",
        ["exchangeRate"] = "Declaration/CurrencyExchange/RateNumeric",
        ["tradeTermsCode"] = $"{Shipment}/TradeTerms/ConditionCode",
        ["tradeTermsLocation"] = $"{Shipment}/TradeTerms/LocationID",
    };

    private static readonly Dictionary<string, string> Parties = new(StringComparer.Ordinal)
    {
        ["declarant"] = "Declaration/Declarant",
        ["exporter"] = "Declaration/Exporter",
        ["agent"] = "Declaration/Agent",
        ["importer"] = $"{Shipment}/Importer",
        ["consignee"] = $"{Shipment}/Consignee",
        ["consignor"] = $"{Shipment}/Consignor",
        ["carrier"] = "Declaration/Consignment/Carrier",
    };

    private static readonly Dictionary<string, string> PartyFields = new(StringComparer.Ordinal)
    {
        ["id"] = "ID", ["name"] = "Name", ["functionCode"] = "FunctionCode",
    };

    private static readonly Dictionary<string, string> AddressFields = new(StringComparer.Ordinal)
    {
        ["line"] = "Line", ["city"] = "CityName", ["postcode"] = "PostcodeID", ["country"] = "CountryCode",
    };

    private static readonly Dictionary<string, string> AuthorisationFields = new(StringComparer.Ordinal)
    {
        ["id"] = "ID", ["category"] = "CategoryCode",
    };

    private static readonly Dictionary<string, string> DocumentFields = new(StringComparer.Ordinal)
    {
        ["category"] = "CategoryCode", ["type"] = "TypeCode", ["id"] = "ID", ["line"] = "LineNumeric",
    };

    private static readonly Dictionary<string, string> TransportFields = new(StringComparer.Ordinal)
    {
        ["modeAtBorder"] = "Declaration/BorderTransportMeans/ModeCode",
        ["borderMeansId"] = "Declaration/BorderTransportMeans/ID",
        ["borderMeansIdType"] = "Declaration/BorderTransportMeans/IdentificationTypeCode",
        ["borderMeansNationality"] = "Declaration/BorderTransportMeans/RegistrationNationalityCode",
        ["containerised"] = $"{ShipmentConsignment}/ContainerCode",
    };

    private static readonly Dictionary<string, string> ContainerFields = new(StringComparer.Ordinal)
    {
        ["sequence"] = "SequenceNumeric", ["id"] = "ID",
    };

    private static readonly Dictionary<string, string> ItemFields = new(StringComparer.Ordinal)
    {
        ["sequence"] = "SequenceNumeric",
        ["hsCode"] = "Commodity/Classification/ID",
        ["description"] = "Commodity/Description",
        ["origin"] = "Origin/CountryCode",
        ["netMass"] = "Commodity/GoodsMeasure/NetNetWeightMeasure",
        ["grossMass"] = "Commodity/GoodsMeasure/GrossMassMeasure",
        ["quantity"] = "Commodity/GoodsMeasure/TariffQuantity",
        ["quantityUnit"] = "Commodity/GoodsMeasure/TariffQuantity/@unitCode",
        // The requested procedure comes first in DMS, the additional procedures after it.
        ["procedureCode"] = "GovernmentProcedure[1]/CurrentCode",
        ["previousProcedureCode"] = "GovernmentProcedure[1]/PreviousCode",
        ["valuationMethod"] = "CustomsValuation/MethodCode",
    };

    private static readonly Dictionary<string, string> ItemAmounts = new(StringComparer.Ordinal)
    {
        ["itemPrice"] = "Commodity/InvoiceLine/ItemChargeAmount",
        ["customsValue"] = "CustomsValueAmount",
        ["statisticalValue"] = "StatisticalValueAmount",
    };

    private static readonly Dictionary<string, string> PackageFields = new(StringComparer.Ordinal)
    {
        ["type"] = "TypeCode", ["quantity"] = "QuantityQuantity", ["marks"] = "MarksNumbersID",
    };

    private static readonly Dictionary<string, string> AdjustmentFields = new(StringComparer.Ordinal)
    {
        ["code"] = "AdditionCode",
    };
}
