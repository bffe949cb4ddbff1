using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Declarations.Wco;

namespace SmartCustoms.Domain.Tests.Declarations;

public class WcoPointerTests
{
    private const string Item = "Declaration/GoodsShipment/GovernmentAgencyGoodsItem";

    private static readonly Declaration Import = new()
    {
        Type = "IMA",
        Items = [new GoodsItem { Sequence = 5 }, new GoodsItem { Sequence = 7 }],
        Transport = new Transport { Containers = [new Container { Sequence = 1 }, new Container { Sequence = 2 }] },
    };

    [Theory]
    [InlineData("/items/0/hsCode", $"{Item}[5]/Commodity/Classification/ID")]
    [InlineData("/items/1/grossMass", $"{Item}[7]/Commodity/GoodsMeasure/GrossMassMeasure")]
    [InlineData("/items/3/netMass", $"{Item}[4]/Commodity/GoodsMeasure/NetNetWeightMeasure")]
    [InlineData("/items/0/itemPrice/amount", $"{Item}[5]/Commodity/InvoiceLine/ItemChargeAmount")]
    [InlineData("/items/0/itemPrice/currency", $"{Item}[5]/Commodity/InvoiceLine/ItemChargeAmount/@currencyID")]
    [InlineData("/items/0/packages/1/quantity", $"{Item}[5]/Packaging[2]/QuantityQuantity")]
    [InlineData("/items/0/procedureCode", $"{Item}[5]/GovernmentProcedure[1]/CurrentCode")]
    [InlineData("/items/0/additionalProcedureCodes/0", $"{Item}[5]/GovernmentProcedure[2]/CurrentCode")]
    [InlineData("/items/1/previousDocuments/2/id", $"{Item}[7]/PreviousDocument[3]/ID")]
    [InlineData("/transport/containers/1/id", "Declaration/GoodsShipment/Consignment/TransportEquipment[2]/ID")]
    [InlineData("/transport/containers/0/seals/0", "Declaration/GoodsShipment/Consignment/TransportEquipment[1]/Seal[1]/ID")]
    [InlineData("/transport/inlandMeansId", "Declaration/GoodsShipment/Consignment/ArrivalTransportMeans/ID")]
    [InlineData("/transport/modeAtBorder", "Declaration/BorderTransportMeans/ModeCode")]
    [InlineData("/declarant/id", "Declaration/Declarant/ID")]
    [InlineData("/importer/address/country", "Declaration/GoodsShipment/Importer/Address/CountryCode")]
    [InlineData("/carrier", "Declaration/Consignment/Carrier")]
    [InlineData("/authorisationHolders/2/category", "Declaration/AuthorisationHolder[3]/CategoryCode")]
    [InlineData("/invoiceAmount/currency", "Declaration/InvoiceAmount/@currencyID")]
    [InlineData("/invoiceAmount/amount", "Declaration/InvoiceAmount")]
    [InlineData("/exportCountry", "Declaration/GoodsShipment/ExportCountry/ID")]
    [InlineData("/routingCountries/1", "Declaration/Consignment/Itinerary[2]/RoutingCountryCode")]
    [InlineData("/goodsItemQuantity", "Declaration/GoodsItemQuantity")]
    [InlineData("/lrn", "Declaration/FunctionalReferenceID")]
    [InlineData("", "Declaration")]
    public void TranslatesCanonicalJsonPointerToWcoPath(string jsonPointer, string expected) =>
        Assert.Equal(expected, WcoPointer.FromJsonPointer(jsonPointer, Import));

    [Fact]
    public void PointsAtTheDepartureMeansOnAnExport() =>
        Assert.Equal(
            "Declaration/GoodsShipment/Consignment/DepartureTransportMeans/ID",
            WcoPointer.FromJsonPointer("/transport/inlandMeansId", Import with { Type = "EXD" }));

    [Theory]
    [InlineData("/futureField", "Declaration/FutureField")]
    [InlineData("/items/0/unknownThing", "Declaration/Items[1]/UnknownThing")]
    [InlineData("/declarant/nickname", "Declaration/Declarant/Nickname")]
    public void FallsBackToPascalCasedSegmentsForUnknownPointers(string jsonPointer, string expected) =>
        Assert.Equal(expected, WcoPointer.FromJsonPointer(jsonPointer, Import));

    [Fact]
    public void GivesTheDmsSectionCodesAndTagOfAWcoPath()
    {
        var steps = WcoPointer.Steps($"{Item}[2]/Commodity/GoodsMeasure/GrossMassMeasure");

        Assert.Equal(
            [
                new WcoPointerStep("42A"),
                new WcoPointerStep("67A"),
                new WcoPointerStep("68A", 2),
                new WcoPointerStep("23A"),
                new WcoPointerStep("65A", TagId: "126"),
            ],
            steps);
    }

    [Theory]
    [InlineData("Declaration/AuthorisationHolder[1]/ID", "42A|17C#1 R144")]
    [InlineData("Declaration/GoodsShipment/Consignment/GoodsLocation/ID", "42A|67A|28A|64A L017")]
    [InlineData("Declaration/InvoiceAmount/@currencyID", "42A 109")]
    [InlineData("Declaration/TypeCode", "42A D013")]
    public void MatchesThePointersOfUkRejectionNotifications(string wcoPath, string expected) =>
        Assert.Equal(expected, string.Join('|', WcoPointer.Steps(wcoPath).Select(s => $"{s.DocumentSectionCode}{(s.SequenceNumeric is { } n ? $"#{n}" : "")}{(s.TagId is { } t ? $" {t}" : "")}")));

    [Theory]
    [InlineData("Declaration/GoodsShipment/Consignment/TransportContractDocument/ID")]
    [InlineData("Declaration/Items[1]/HsCode")]
    [InlineData("GoodsShipment/Importer/ID")]
    [InlineData("Declaration/TypeCode/Extra")]
    [InlineData("Declaration/AuthorisationHolder[x]/ID")]
    public void GivesNoStepsForPathsOutsideTheDmsSchema(string wcoPath) =>
        Assert.Empty(WcoPointer.Steps(wcoPath));
}
