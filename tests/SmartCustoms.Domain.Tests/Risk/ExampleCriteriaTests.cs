using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Risk;
using static SmartCustoms.Domain.Tests.Risk.RiskFixtures;

namespace SmartCustoms.Domain.Tests.Risk;

public class ExampleCriteriaTests
{
    private static readonly LaneSettings Settings = new() { Office = "GB000040" };

    private static CriteriaSet Examples() => CriteriaSet.Create(ExampleCriteria.Load().Select(d =>
    {
        var result = CriterionCompiler.Compile(d, 1);
        Assert.True(result.IsValid, $"{d.Id}: {string.Join("; ", result.Errors.Select(e => e.Pointer + " " + e.Message))}");
        return result.Criterion!;
    }));

    [Fact]
    public void EveryExampleCriterionCompilesAndTheirIdsAreUnique() => Assert.InRange(Examples().Criteria.Count, 15, 20);

    [Fact]
    public void SendsArmsToRedWhateverTheScore()
    {
        var decision = new RiskEngine(Examples()).Assess(Subject(Import(Item(1, "930200", "US", 800m, 2m))), Thresholds.FromFallback(Settings), Settings, 0.5);

        Assert.Equal((Lane.Red, Lane.Red), (decision.Lane, decision.MinimumLane));
        Assert.Equal(["arms-and-ammunition"], decision.Hits.Select(h => h.Id));
    }

    [Fact]
    public void CatchesSmartphonesUndervaluedAgainstTheReferencePriceFromAHub()
    {
        var prices = new ReferencePrices([new("851713", 600m)]);
        var declaration = Import(Item(1, "6109100010", "VN", 1000m, 100m), Item(2, "8517130000", "HK", 2000m, 100m));

        var decision = new RiskEngine(Examples()).Assess(Subject(declaration, prices: prices), Thresholds.FromFallback(Settings), Settings, 0.5);

        Assert.Equal(["undervalued-electronics-hub-origin", "smartphones-low-value-per-kg"], decision.Hits.Select(h => h.Id));
        Assert.All(decision.Hits, h => Assert.Equal([2], h.ItemSequences));
        Assert.Equal((270m, Lane.Red), (decision.Score, decision.Lane));
    }

    [Fact]
    public void SendsAContainerWithAWrongCheckDigitToAtLeastYellow()
    {
        var subject = RiskSubject.Create(LaptopsAndShirts(), Today, issues: CheckDigitWarning);

        var decision = new RiskEngine(Examples()).Assess(subject, Thresholds.FromFallback(Settings), Settings, 0.5);

        Assert.Equal((Lane.Yellow, 30m), (decision.Lane, decision.Score));
    }

    [Fact]
    public void LeavesAnOrdinaryDeclarationGreen()
    {
        var declaration = LaptopsAndShirts() with { Items = [Item(1, "8471300000", "CN", 2000m, 20m), Item(2, "6109100010", "VN", 1000m, 100m) with { GrossMass = 105m }] };

        var decision = new RiskEngine(Examples()).Assess(Subject(declaration, TraderFacts.Unknown), Thresholds.FromFallback(Settings), Settings, 0.5);

        Assert.Equal((Lane.Green, 0m), (decision.Lane, decision.Score));
        Assert.Empty(decision.Hits);
    }
}
