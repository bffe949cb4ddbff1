using SmartCustoms.Domain.Risk;
using static SmartCustoms.Domain.Tests.Risk.RiskFixtures;

namespace SmartCustoms.Domain.Tests.Risk;

public class SelectivityTests
{
    private static readonly LaneSettings Settings = new() { Office = "GB000040" };
    private static readonly Thresholds Thresholds = new(200m, 100m, 50m, 1000, false);
    private const double NotRandom = 0.5;

    [Theory]
    [InlineData(0, Lane.Green)]
    [InlineData(49.99, Lane.Green)]
    [InlineData(50, Lane.Blue)]
    [InlineData(100, Lane.Yellow)]
    [InlineData(199.99, Lane.Yellow)]
    [InlineData(200, Lane.Red)]
    public void GivesTheLaneOfTheHighestThresholdTheScoreReaches(double score, Lane expected) =>
        Assert.Equal(expected, Selectivity.Decide((decimal)score, [], Thresholds, Settings, NotRandom).Lane);

    [Fact]
    public void NeverSelectsAZeroScoreByScore() =>
        Assert.Equal(Lane.Green, Selectivity.Decide(0m, [], new Thresholds(0m, 0m, 0m, 1000, false), Settings, NotRandom).Lane);

    [Fact]
    public void RaisesTheLaneToTheHighestMinimumLaneOfTheHits()
    {
        var decision = Selectivity.Decide(10m, [Hit("precursors", 5m, Lane.Yellow), Hit("arms", 5m, Lane.Red)], Thresholds, Settings, NotRandom);

        Assert.Equal((Lane.Red, Lane.Green, Lane.Red), (decision.Lane, decision.ScoreLane, decision.MinimumLane));
        Assert.Contains("Criterion arms requires at least red.", decision.Reasons);
    }

    [Fact]
    public void NamesEveryCriterionDemandingTheMinimumLane() =>
        Assert.Contains("Criteria arms, explosives require at least red.",
            Selectivity.Decide(10m, [Hit("arms", 5m, Lane.Red), Hit("explosives", 5m, Lane.Red)], Thresholds, Settings, NotRandom).Reasons);

    [Fact]
    public void KeepsItsOwnCopyOfTheHits()
    {
        var hits = new List<CriterionHit> { Hit("arms", 5m, Lane.Red) };

        var decision = Selectivity.Decide(5m, hits, Thresholds, Settings, NotRandom);
        hits.Clear();

        Assert.Single(decision.Hits);
    }

    [Fact]
    public void NeverLowersTheScoreLaneForAMinimumLane() =>
        Assert.Equal(Lane.Red, Selectivity.Decide(250m, [Hit("container", 250m, Lane.Yellow)], Thresholds, Settings, NotRandom).Lane);

    [Theory]
    [InlineData(3, Lane.Green, false)]
    [InlineData(4, Lane.Yellow, true)]
    public void SelectsAtLeastYellowWhenMoreCriteriaHitThanAllowed(int count, Lane expected, bool applied)
    {
        CriterionHit[] hits = [.. Enumerable.Range(1, count).Select(i => Hit("c" + i, 1m))];

        var decision = Selectivity.Decide(count, hits, Thresholds, Settings, NotRandom);

        Assert.Equal((expected, applied), (decision.Lane, decision.MaxHitsRuleApplied));
    }

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(0.0099, true)]
    [InlineData(0.01, false)]
    public void SelectsTheRandomLaneWhenTheDrawFallsInTheRandomShareAndMarksItRandom(double draw, bool random)
    {
        var decision = Selectivity.Decide(0m, [], Thresholds, Settings with { RandomLane = Lane.Yellow }, draw);

        Assert.Equal((random ? Lane.Yellow : Lane.Green, random), (decision.Lane, decision.Random));
        Assert.Equal(random, decision.Reasons.Any(r => r.StartsWith("Selected at random", StringComparison.Ordinal)));
    }

    [Fact]
    public void MarksARandomDrawEvenWhenTheScoreAlreadySelected()
    {
        var decision = Selectivity.Decide(300m, [], Thresholds, Settings, 0.001);

        Assert.Equal((Lane.Red, true), (decision.Lane, decision.Random));
        Assert.Contains("Also drawn in the 1% random sample; the lane was already red.", decision.Reasons);
    }

    [Fact]
    public void ExplainsEachHitTheScoreAndTheThresholdInForce()
    {
        var hits = new[] { new CriterionHit("cheap-laptops", 3, "Cheap laptops", 120m, null, [1, 3]), Hit("new-trader", 30m) };

        var decision = Selectivity.Decide(150m, hits, Thresholds with { Fallback = true, Observations = 12 }, Settings, NotRandom);

        Assert.Equal(
            ["Cheap laptops (cheap-laptops v3) hit on items 1, 3: weight 120.",
             "Criterion new-trader (new-trader v1) hit: weight 30.",
             "Score 150 reaches the yellow threshold 100 (fallback thresholds: only 12 recent declarations at this office)."],
            decision.Reasons);
    }

    [Fact]
    public void AFallbackOnOneDeclarationSaysSoInTheSingular()
    {
        var decision = Selectivity.Decide(150m, [], Thresholds with { Fallback = true, Observations = 1 }, Settings, NotRandom);

        Assert.Equal("Score 150 reaches the yellow threshold 100 (fallback thresholds: only 1 recent declaration at this office).", Assert.Single(decision.Reasons));
    }

    [Fact]
    public void ValidatesLaneSettings()
    {
        var errors = new LaneSettings { Office = "nowhere", RedRate = 0.5, YellowRate = 0.4, BlueRate = 0.2, MinRandomRate = double.NaN, Window = 10, RandomLane = Lane.Green }.Validate();

        Assert.Equal(["/office", "/minRandomRate", "/redRate", "/randomLane", "/window"], errors.Select(e => e.Pointer));
        Assert.Empty(Settings.Validate());
    }
}
