using System.Text.Json;
using SmartCustoms.Domain.Risk;
using static SmartCustoms.Domain.Tests.Risk.RiskFixtures;

namespace SmartCustoms.Domain.Tests.Risk;

/// <summary>Reasons are written on first read and hits may be shared: neither may change what a decision says.</summary>
public class DecisionReasonsTests
{
    private static readonly LaneSettings Settings = new() { Office = "GB000040", MaxHitsWithoutSelection = 1 };
    private static readonly Thresholds Thresholds = new(200m, 100m, 50m, 1000, false);

    [Fact]
    public void WritesEveryReasonInOrderWhenFirstRead()
    {
        var hits = new List<CriterionHit> { Hit("arms", 5m, Lane.Yellow), Hit("vietnam", 60m) };
        var decision = Selectivity.Decide(65m, hits, Thresholds, Settings, 0.001, modelContribution: 0m);
        hits.Clear();

        Assert.Equal(2, decision.Hits.Count);
        Assert.Equal(
        [
            "Criterion arms (arms v1) hit: weight 5.",
            "Criterion vietnam (vietnam v1) hit: weight 60.",
            "The fraud model contributed 0 to the score.",
            "Score 65 reaches the blue threshold 50.",
            "Criterion arms requires at least yellow.",
            "2 criteria hit, more than the 1 allowed without selection: at least yellow.",
            "Selected at random (1% random sample): red.",
        ], decision.Reasons);
        Assert.Same(decision.Reasons[0], decision.Reasons[0]);
    }

    [Fact]
    public void RoundTripsThroughJsonWithItsReasons()
    {
        var decision = Selectivity.Decide(0m, [], Thresholds, Settings, 0.5);

        var copy = JsonSerializer.Deserialize<RiskDecision>(JsonSerializer.Serialize(decision))!;

        Assert.Equal(["Score 0: a declaration scoring zero is not selected by score."], copy.Reasons);
    }

    [Fact]
    public void SharesSingleItemHitsReadOnly()
    {
        var criterion = Compile(Criterion("""{ "field": "origin", "op": "eq", "value": "VN" }"""));
        var subject = Subject(LaptopsAndShirts());

        var first = criterion.Evaluate(subject)!;
        var second = criterion.Evaluate(subject)!;

        Assert.Same(first, second);
        Assert.Single(first.ItemSequences);
        Assert.True(((ICollection<int>)first.ItemSequences).IsReadOnly);
        Assert.Throws<NotSupportedException>(() => ((IList<int>)first.ItemSequences)[0] = 99);
    }
}
