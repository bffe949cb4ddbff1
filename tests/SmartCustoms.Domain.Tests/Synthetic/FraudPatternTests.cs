using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Synthetic;

namespace SmartCustoms.Domain.Tests.Synthetic;

/// <summary>Each planted pattern leaves the traces an analyst or a model would look for, and honest data does not.</summary>
public sealed class FraudPatternTests
{
    // Half of all declarations fraudulent: every pattern shows in hundreds of declarations beside thousands of honest ones.
    private static readonly IReadOnlyList<GeneratedDeclaration> Sample =
        [.. SyntheticDeclarations.Generate(new SyntheticOptions { Count = 10_000, Seed = 5, FraudShare = 0.5 })];

    private static readonly HashSet<string> CheaperCodes =
        [.. CommodityCatalogue.Profiles.Select(p => p.CheaperHsCode).OfType<string>()];

    [Fact]
    public void UndervaluedGoodsArePricedFarBelowTheirTypicalValue()
    {
        var undervalued = PriceRatios(FraudPatterns.Undervaluation);
        var honest = PriceRatios(null);

        Assert.InRange(GeneratedSample.Median(honest), 0.8m, 1.2m);
        Assert.InRange(GeneratedSample.Median(undervalued), 0.2m, 0.5m);
    }

    [Fact]
    public void MisclassifiedGoodsCarryALowerDutyNeighboursCode()
    {
        var misclassified = MainItems(FraudPatterns.Misclassification);

        Assert.All(misclassified, item => Assert.Contains(item.HsCode!, CheaperCodes));
        Assert.DoesNotContain(MainItems(null), item => CheaperCodes.Contains(item.HsCode!) && item.HsCode != "870899");
    }

    [Fact]
    public void ChineseGoodsAreDeclaredAsFromAPreferentialCountryAndShippedFromThere()
    {
        var declarations = Of(FraudPatterns.OriginMisdeclaration).ToList();

        Assert.All(declarations, d =>
        {
            Assert.All(d.Items, item => Assert.Contains(item.Origin!, CommodityCatalogue.PreferentialOrigins));
            Assert.Equal(d.Items[0].Origin, d.ExportCountry);
        });
        Assert.Contains(declarations, d => d.RoutingCountries.Contains("CN"));
    }

    [Fact]
    public void UnderstatedMassesLeaveTooManyContainersForTheDeclaredWeight()
    {
        static IEnumerable<decimal> KgPerContainer(string? pattern) => Of(pattern)
            .Where(d => d.Transport!.Containers.Count > 1)
            .Select(d => d.TotalGrossMass!.Value / d.Transport!.Containers.Count);

        Assert.True(KgPerContainer(FraudPatterns.QuantityUnderstatement).Count() > 30);
        Assert.True(GeneratedSample.Median(KgPerContainer(FraudPatterns.QuantityUnderstatement)) < 0.75m * GeneratedSample.Median(KgPerContainer(null)));
        Assert.InRange(GeneratedSample.Median(PriceRatios(FraudPatterns.QuantityUnderstatement)), 0.8m, 1.2m);
    }

    [Fact]
    public void HiddenGoodsAreDeclaredVaguelyUnderAnInnocuousCode()
    {
        var declarations = Of(FraudPatterns.ProhibitedGoods).ToList();
        var profileDescriptions = CommodityCatalogue.Profiles.SelectMany(p => p.Descriptions).ToHashSet();

        Assert.All(declarations, d =>
        {
            var item = Assert.Single(d.Items);
            Assert.Contains(item.HsCode!, CommodityCatalogue.CoverCodes);
            Assert.DoesNotContain(item.Description!, profileDescriptions);
        });
    }

    private static IEnumerable<Declaration> Of(string? pattern) => Sample
        .Where(g => g.Declaration.IsImport && g.FraudPattern == pattern).Select(g => g.Declaration);

    private static IEnumerable<GoodsItem> MainItems(string? pattern) => Of(pattern).Select(d => d.Items[0]);

    /// <summary>Declared price per kg over the profile's typical one, for items whose code is a profile's own.</summary>
    private static IEnumerable<decimal> PriceRatios(string? pattern) => Of(pattern).SelectMany(d => d.Items)
        .Where(i => CommodityCatalogue.Profiles.Any(p => p.HsCode == i.HsCode))
        .Select(i => GeneratedSample.EurPerKg(i) / CommodityCatalogue.Find(i.HsCode!).EurPerKg);
}
