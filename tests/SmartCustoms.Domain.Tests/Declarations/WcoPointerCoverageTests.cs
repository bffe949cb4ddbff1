using System.Text.Json;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Declarations.Wco;

namespace SmartCustoms.Domain.Tests.Declarations;

public class WcoPointerCoverageTests
{
    private static readonly Party FullParty = new()
    {
        Id = "GB553202734852",
        Name = "Name",
        FunctionCode = "2",
        Address = new Address { Line = "1 Street", City = "City", Postcode = "PC1", Country = "GB" },
    };

    private static readonly DocumentReference FullDocument = new() { Category = "Z", Type = "355", Id = "ID", Line = 1 };

    private static readonly Money FullMoney = new() { Amount = 1m, Currency = "GBP" };

    private static readonly Declaration Full = new()
    {
        Type = "IMA", FunctionCode = "9", Lrn = "LRN", DeclarationOffice = "GB000060", SupervisingOffice = "GBBEL004",
        ExitOffice = "GB000040", IssueDateTime = DateTimeOffset.UnixEpoch,
        Declarant = FullParty, Importer = FullParty, Exporter = FullParty, Consignor = FullParty, Consignee = FullParty,
        Agent = FullParty, Carrier = FullParty,
        AuthorisationHolders = [new AuthorisationHolder { Id = "GB553202734852", Category = "AEOC" }],
        ExportCountry = "US", DestinationCountry = "GB", RoutingCountries = ["US", "GB"], GoodsLocation = "GBWLA",
        Transport = new Transport
        {
            ModeAtBorder = "1", BorderMeansId = "CSCLGLOBE", BorderMeansIdType = "11", BorderMeansNationality = "GB",
            InlandMeansId = "12345", InlandMeansIdType = "10", TransportDocument = FullDocument, Containerised = true,
            Containers = [new Container { Sequence = 1, Id = "CSQU3054383", Seals = ["333"] }],
        },
        GoodsItemQuantity = 1, TotalPackageQuantity = 1, TotalGrossMass = 1m, InvoiceAmount = FullMoney, ExchangeRate = 1m,
        TradeTermsCode = "CIF", TradeTermsLocation = "GBWLA",
        Items =
        [
            new GoodsItem
            {
                Sequence = 1, HsCode = "85109000", Description = "Shavers", Origin = "US", NetMass = 1m, GrossMass = 1m,
                Quantity = 1m, QuantityUnit = "NAR", Packages = [new Package { Type = "BX", Quantity = 1, Marks = "M" }],
                ProcedureCode = "40", PreviousProcedureCode = "00", AdditionalProcedureCodes = ["000"],
                ItemPrice = FullMoney, CustomsValue = FullMoney, StatisticalValue = FullMoney, ValuationMethod = "1",
                ValuationAdjustments = [new ValuationAdjustment { Code = "0000" }],
                PreviousDocuments = [FullDocument], AdditionalDocuments = [FullDocument],
            },
        ],
        PreviousDocuments = [FullDocument],
        AdditionalDocuments = [FullDocument],
    };

    public static TheoryData<string> CanonicalLeaves()
    {
        var leaves = new TheoryData<string>();
        using var json = JsonDocument.Parse(DeclarationJson.Serialize(Full));
        Collect(json.RootElement, "", leaves);
        return leaves;
    }

    /// <summary>Canonical fields with a WCO home that the DMS 3.6 declaration profile does not have.</summary>
    private static readonly string[] OutsideDms =
    [
        "/transport/transportDocument/",
        "/declarant/functionCode", "/importer/functionCode", "/exporter/functionCode", "/consignor/functionCode",
        "/consignee/functionCode", "/carrier/functionCode",
        "/additionalDocuments/0/line", "/items/0/additionalDocuments/0/line",
    ];

    [Theory]
    [MemberData(nameof(CanonicalLeaves))]
    public void TranslatesEveryFieldOfTheCanonicalModelToAnElementOfTheDmsSchema(string jsonPointer)
    {
        var steps = WcoPointer.Steps(WcoPointer.FromJsonPointer(jsonPointer, Full));

        if (OutsideDms.Any(p => jsonPointer.StartsWith(p, StringComparison.Ordinal)))
        {
            Assert.Empty(steps);
        }
        else
        {
            Assert.NotEmpty(steps);
        }
    }

    [Fact]
    public void CoversTheWholeCanonicalModel() =>
        Assert.True(CanonicalLeaves().Count > 80, "the fully populated declaration lost fields");

    private static void Collect(JsonElement element, string pointer, TheoryData<string> leaves)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, $"{pointer}/{property.Name}", leaves);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var child in element.EnumerateArray())
                {
                    Collect(child, $"{pointer}/{index++}", leaves);
                }

                break;
            default:
                leaves.Add(pointer);
                break;
        }
    }
}
