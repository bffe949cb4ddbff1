using SmartCustoms.Domain.Declarations;

namespace SmartCustoms.Domain.Tests.Declarations;

public class WcoAggregatedSampleTests
{
    private readonly Declaration declaration;

    public WcoAggregatedSampleTests()
    {
        var result = WcoSamples.Read(WcoSamples.AggregatedSupplementary);
        Assert.Empty(result.Issues);
        declaration = Assert.IsType<Declaration>(result.Declaration);
    }

    [Fact]
    public void MapsAggregatedSupplementarySampleHeaderFieldByField()
    {
        Assert.Equal("Agg_Supp_Dec_Z", declaration.Lrn);
        Assert.Equal("IMZ", declaration.Type);
        Assert.Equal(2, declaration.GoodsItemQuantity);
        Assert.Equal(55, declaration.TotalPackageQuantity);
        Assert.Equal("GBBEL004", declaration.SupervisingOffice);
        Assert.Equal("CW1117770GB", declaration.GoodsLocation);
        Assert.Equal(["EIR", "AEOC", "DPO", "CWP", "CGU"], declaration.AuthorisationHolders.Select(h => h.Category));
        Assert.All(declaration.AuthorisationHolders, h => Assert.Equal("GB553202734852", h.Id));
        Assert.Equal("Chicago Cocoa Company", declaration.Exporter?.Name);
        Assert.Equal("H81 4RG", declaration.Exporter?.Address?.Postcode);
        Assert.Equal("DM1234", Assert.Single(declaration.Transport!.Containers).Id);
        Assert.Equal(["DUCRGB553202734852-22522", "DUCRGB553202734852-22533"], declaration.PreviousDocuments.Select(d => d.Id));
    }

    [Fact]
    public void MapsBothItemsOfAggregatedSampleWithTheirOwnCodesAndOrigins()
    {
        Assert.Equal([1, 2], declaration.Items.Select(i => i.Sequence));
        Assert.Equal(["18031000", "18040000"], declaration.Items.Select(i => i.HsCode));
        Assert.Equal(["ER", "BR"], declaration.Items.Select(i => i.Origin));
        Assert.All(declaration.Items, item =>
        {
            Assert.Equal("40", item.ProcedureCode);
            Assert.Equal("71", item.PreviousProcedureCode);
            Assert.Equal("3", item.ValuationMethod);
            Assert.Equal(new Money { Amount = 1000m, Currency = "GBP" }, item.ItemPrice);
            Assert.Equal(7, item.AdditionalDocuments.Count);
        });
    }

    [Fact]
    public void KeepsItemLevelPreviousDocumentsWithTheirLineNumbers()
    {
        var second = declaration.Items[1];

        Assert.Equal(6, second.PreviousDocuments.Count);
        Assert.Equal(new DocumentReference { Category = "Z", Type = "355", Id = "25GB6W23HIITPATAR7" }, second.PreviousDocuments[0]);
        Assert.Equal(new DocumentReference { Category = "Y", Type = "CLE", Id = "20250716", Line = 2 }, second.PreviousDocuments[3]);
    }
}
