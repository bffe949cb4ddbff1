using SmartCustoms.Domain.Synthetic;

namespace SmartCustoms.Domain.Tests.Synthetic;

public sealed class SyntheticDistributionTests
{
    [Fact]
    public void MostDeclarationsAreImports()
    {
        var importShare = GeneratedSample.Imports.Count() / (double)GeneratedSample.All.Count;

        Assert.InRange(importShare, 0.79, 0.85);
        Assert.All(GeneratedSample.All.Where(g => !g.Declaration.IsImport), g => Assert.Equal("EX", g.Declaration.Category));
    }

    [Fact]
    public void ChinaIsTheLeadingOriginAndNoOriginDominatesAlone()
    {
        var origins = GeneratedSample.Imports.SelectMany(g => g.Declaration.Items).GroupBy(i => i.Origin)
            .Select(g => (Origin: g.Key, Share: g.Count() / (double)GeneratedSample.Imports.Sum(d => d.Declaration.Items.Count)))
            .OrderByDescending(o => o.Share).ToList();

        Assert.Equal("CN", origins[0].Origin);
        Assert.InRange(origins[0].Share, 0.25, 0.6);
        Assert.True(origins.Count >= 30, $"only {origins.Count} origins");
    }

    [Fact]
    public void HonestGoodsComeFromTheirProfilesOriginsInProportion()
    {
        var mainItems = GeneratedSample.Honest.Where(g => g.Declaration.IsImport)
            .Select(g => (Item: g.Declaration.Items[0], Profile: CommodityCatalogue.Find(g.Declaration.Items[0].HsCode!))).ToList();
        var expectedTopShare = mainItems.Average(m => m.Profile.Origins.Max(o => o.Weight) / (double)m.Profile.Origins.Sum(o => o.Weight));

        var topShare = mainItems.Count(m => m.Item.Origin == m.Profile.Origins.MaxBy(o => o.Weight)!.Country) / (double)mainItems.Count;

        Assert.All(mainItems, m => Assert.Contains(m.Profile.Origins, o => o.Country == m.Item.Origin));
        Assert.InRange(topShare, expectedTopShare - 0.03, expectedTopShare + 0.03);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.05)]
    [InlineData(0.2)]
    public void PlantsTheRequestedShareOfFraud(double share)
    {
        var options = new SyntheticOptions { Count = 10_000, Seed = 3, FraudShare = share };

        var planted = SyntheticDeclarations.Generate(options).Count(g => g.FraudPattern is not null) / 10_000.0;

        // Four standard deviations of a binomial share: wide enough for any seed, narrow enough to catch a wrong share.
        Assert.InRange(planted, share - 4 * Math.Sqrt(share * (1 - share) / 10_000), share + 4 * Math.Sqrt(share * (1 - share) / 10_000));
    }

    [Fact]
    public void PlantsEveryPatternInImportsOnly()
    {
        var fraud = GeneratedSample.All.Where(g => g.FraudPattern is not null).ToList();

        Assert.Equal(FraudPatterns.All.Order(), fraud.Select(g => g.FraudPattern!).Distinct().Order());
        Assert.All(fraud, g => Assert.True(g.Declaration.IsImport));
    }

    [Fact]
    public void ATradersPastFraudPredictsItsFutureFraud()
    {
        var imports = GeneratedSample.Imports.ToList();
        var half = imports.Count / 2;
        var repeatOffenders = imports.Take(half).GroupBy(g => g.Declaration.Importer!.Id!)
            .Where(g => g.Count() >= 3 && FraudRate(g) >= 0.2).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var later = imports.Skip(half).ToList();

        var rateAfterFraud = FraudRate(later.Where(g => repeatOffenders.Contains(g.Declaration.Importer!.Id!)));
        var rateOtherwise = FraudRate(later.Where(g => !repeatOffenders.Contains(g.Declaration.Importer!.Id!)));

        Assert.True(rateAfterFraud > 4 * rateOtherwise, $"{rateAfterFraud:P1} after earlier fraud, {rateOtherwise:P1} otherwise");
    }

    [Fact]
    public void NewTradersAppearDuringThePeriod()
    {
        var firstDays = GeneratedSample.Imports.GroupBy(g => g.Declaration.Importer!.Id).Select(g => g.Min(d => d.Date)).ToList();
        var lastThird = GeneratedSample.Options.Start.AddDays(GeneratedSample.Options.Days * 2 / 3);

        Assert.Contains(firstDays, d => d >= lastThird);
    }

    [Fact]
    public void TransportIsMostlyContainerisedSeaWithSmallValuableGoodsFlown()
    {
        var modes = GeneratedSample.All.GroupBy(g => g.Declaration.Transport!.ModeAtBorder).ToDictionary(g => g.Key!, g => g.ToList());
        var flown = modes["4"].SelectMany(g => g.Declaration.Items).Select(GeneratedSample.EurPerKg);
        var shipped = modes["1"].SelectMany(g => g.Declaration.Items).Select(GeneratedSample.EurPerKg);

        Assert.True(modes["1"].Count > 3 * modes["4"].Count);
        Assert.True(modes["1"].Count(g => g.Declaration.Transport!.Containerised == true) > 0.8 * modes["1"].Count);
        Assert.True(GeneratedSample.Median(flown) > 5 * GeneratedSample.Median(shipped));
        Assert.All(modes["4"], g => Assert.True(g.Declaration.TotalGrossMass <= 3_500m));
    }

    [Fact]
    public void SomeGoodsAreTransshippedThroughAHub()
    {
        var viaHub = GeneratedSample.Honest.Count(g => g.Declaration.IsImport
            && g.Declaration.RoutingCountries.Skip(1).Any(c => Geography.Hubs.Contains(c)));

        Assert.InRange(viaHub / (double)GeneratedSample.Imports.Count(), 0.04, 0.2);
    }

    private static double FraudRate(IEnumerable<GeneratedDeclaration> declarations)
    {
        var list = declarations.ToList();
        return list.Count(g => g.FraudPattern is not null) / (double)list.Count;
    }
}
