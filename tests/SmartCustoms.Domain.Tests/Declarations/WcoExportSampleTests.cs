using SmartCustoms.Domain.Declarations;

namespace SmartCustoms.Domain.Tests.Declarations;

public class WcoExportSampleTests
{
    private readonly Declaration declaration;

    public WcoExportSampleTests()
    {
        var result = WcoSamples.Read(WcoSamples.Export);
        Assert.Empty(result.Issues);
        declaration = Assert.IsType<Declaration>(result.Declaration);
    }

    [Fact]
    public void MapsExportSampleHeaderAndPartiesFieldByField()
    {
        Assert.Equal("U.7847323YIPYA", declaration.Lrn);
        Assert.Equal("EXD", declaration.Type);
        Assert.True(declaration.IsExport);
        Assert.Equal(10, declaration.TotalPackageQuantity);
        Assert.Equal("GB000040", declaration.ExitOffice);
        Assert.Equal("GB", declaration.ExportCountry);
        Assert.Equal("US", declaration.DestinationCountry);
        Assert.Equal("DVRDOVDVR", declaration.GoodsLocation);
        Assert.Equal(new Party { Id = "GB427168118378" }, declaration.Declarant);
        Assert.Equal(new Party { Id = "GB427168118378" }, declaration.Exporter);
        Assert.Equal(new Party { Id = "GB025115100010" }, declaration.Carrier);
        Assert.Null(declaration.Importer);
        Assert.Equal(
            new Party
            {
                Name = "Packings Import Incorporated",
                Address = new Address { Line = "1 Bags Avenue", City = "New York", Postcode = "NY1 234", Country = "US" },
            },
            declaration.Consignee);
    }

    [Fact]
    public void MapsExportSampleTransportWithSealAndRouting()
    {
        var transport = Assert.IsType<Transport>(declaration.Transport);

        Assert.Equal(["GB", "CA", "US"], declaration.RoutingCountries);
        Assert.Equal("CSCLGLOBE", transport.BorderMeansId);
        Assert.Equal("11", transport.BorderMeansIdType);
        Assert.Equal("GB", transport.BorderMeansNationality);
        Assert.Equal("1", transport.ModeAtBorder);
        Assert.Equal("CSCLGLOBE", transport.InlandMeansId);
        Assert.True(transport.Containerised);
        var container = Assert.Single(transport.Containers);
        Assert.Equal("CONU1234567", container.Id);
        Assert.Equal(["333"], container.Seals);
    }

    [Fact]
    public void MapsExportSampleItemFieldByField()
    {
        var item = Assert.Single(declaration.Items);

        Assert.Equal("46021910", item.HsCode);
        Assert.Equal(new Money { Amount = 200m, Currency = "GBP" }, item.StatisticalValue);
        Assert.Null(item.ItemPrice);
        Assert.Equal(10m, item.GrossMass);
        Assert.Equal(5m, item.NetMass);
        Assert.Equal("10", item.ProcedureCode);
        Assert.Equal("40", item.PreviousProcedureCode);
        Assert.Equal(["000"], item.AdditionalProcedureCodes);
        Assert.Null(item.Origin);
        Assert.Equal([new Package { Type = "PK", Quantity = 10, Marks = "2379261ETT" }], item.Packages);
        Assert.Equal(["DCR", "MCR"], declaration.PreviousDocuments.Select(d => d.Type));
        Assert.Equal("GB/AIGI-SULE72WT1Q4CE5O20WJ7LTCAL", declaration.PreviousDocuments[1].Id);
    }
}
