using SmartCustoms.Domain.Declarations;

namespace SmartCustoms.Domain.Tests.Declarations;

public class WcoImportSampleTests
{
    private readonly Declaration declaration;

    public WcoImportSampleTests()
    {
        var result = WcoSamples.Read(WcoSamples.Import);
        Assert.Empty(result.Issues);
        declaration = Assert.IsType<Declaration>(result.Declaration);
    }

    [Fact]
    public void MapsImportSampleHeaderFieldByField()
    {
        Assert.Equal("9", declaration.FunctionCode);
        Assert.Equal("7847767E1WB6", declaration.Lrn);
        Assert.Equal("IMA", declaration.Type);
        Assert.Equal(1, declaration.GoodsItemQuantity);
        Assert.Equal(50, declaration.TotalPackageQuantity);
        Assert.Equal("US", declaration.ExportCountry);
        Assert.Equal("GB", declaration.DestinationCountry);
        Assert.Equal("WLALONBTW", declaration.GoodsLocation);
        Assert.Equal("CIF", declaration.TradeTermsCode);
        Assert.Equal("GBWLA", declaration.TradeTermsLocation);
        Assert.Null(declaration.InvoiceAmount);
        Assert.Null(declaration.TotalGrossMass);
    }

    [Fact]
    public void MapsImportSamplePartiesFieldByField()
    {
        Assert.Equal(new Party { Id = "GB603202734852" }, declaration.Declarant);
        Assert.Equal(new Party { Id = "GB553202734852" }, declaration.Importer);
        Assert.Equal(new Party { FunctionCode = "2" }, declaration.Agent);
        Assert.Equal(
            new Party
            {
                Name = "US Clipper Inc.",
                Address = new Address { Line = "1 Shaver Street", City = "New York", Postcode = "NY1 234", Country = "US" },
            },
            declaration.Exporter);
        Assert.Equal(
            [new AuthorisationHolder { Id = "GB553202734852", Category = "CGU" }, new AuthorisationHolder { Id = "GB553202734852", Category = "DPO" }],
            declaration.AuthorisationHolders);
    }

    [Fact]
    public void MapsImportSampleTransportFieldByField()
    {
        var transport = Assert.IsType<Transport>(declaration.Transport);

        Assert.Equal("1", transport.ModeAtBorder);
        Assert.Equal("US", transport.BorderMeansNationality);
        Assert.Null(transport.BorderMeansId);
        Assert.Equal("12345", transport.InlandMeansId);
        Assert.Equal("10", transport.InlandMeansIdType);
        Assert.True(transport.Containerised);
        var container = Assert.Single(transport.Containers);
        Assert.Equal(1, container.Sequence);
        Assert.Equal("AD12345", container.Id);
        Assert.Empty(container.Seals);
    }

    [Fact]
    public void MapsImportSampleItemFieldByField()
    {
        var item = Assert.Single(declaration.Items);

        Assert.Equal(1, item.Sequence);
        Assert.Equal("85109000", item.HsCode);
        Assert.Equal("Parts for electric shavers, hair clippers and hair-removing appliances", item.Description);
        Assert.Equal(150m, item.GrossMass);
        Assert.Equal(100m, item.NetMass);
        Assert.Equal(new Money { Amount = 1000m, Currency = "GBP" }, item.ItemPrice);
        Assert.Equal("US", item.Origin);
        Assert.Equal("40", item.ProcedureCode);
        Assert.Equal("00", item.PreviousProcedureCode);
        Assert.Equal(["000"], item.AdditionalProcedureCodes);
        Assert.Equal("1", item.ValuationMethod);
        Assert.Equal([new ValuationAdjustment { Code = "0000" }], item.ValuationAdjustments);
        Assert.Equal([new Package { Type = "BX", Quantity = 50, Marks = "BX-1234228/34" }], item.Packages);
        Assert.Equal(["506", "935", "505"], item.AdditionalDocuments.Select(d => d.Type));
        Assert.Equal(new DocumentReference { Category = "N", Type = "935", Id = "12345/19.01.2024" }, item.AdditionalDocuments[1]);
    }

    [Fact]
    public void MapsImportSampleDocumentsFromDeclarationAndGoodsShipment()
    {
        Assert.Equal([new DocumentReference { Category = "1", Type = "DAN", Id = "1108654" }], declaration.AdditionalDocuments);
        Assert.Equal(
            [
                new DocumentReference { Category = "Z", Type = "DCR", Id = "4GB553202734852-12345" },
                new DocumentReference { Category = "Z", Type = "355", Id = "24GB34F7Y1O2CX8PT4", Line = 1 },
            ],
            declaration.PreviousDocuments);
    }
}
