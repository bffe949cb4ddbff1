using System.Text.Json;
using SmartCustoms.Domain.Risk;
using static SmartCustoms.Domain.Tests.Risk.RiskFixtures;

namespace SmartCustoms.Domain.Tests.Risk;

public class RiskEngineTests
{
    private static readonly LaneSettings Settings = new() { Office = "GB000040" };
    private static readonly Thresholds Thresholds = new(200m, 100m, 50m, 1000, false);

    private static readonly CriteriaSet Criteria = CriteriaSet.Create([
        Compile(Criterion("""{ "field": "hsCode", "op": "startsWith", "value": "8471" }""", id: "laptops", weight: 60m)),
        Compile(Criterion("""{ "field": "origin", "op": "eq", "value": "VN" }""", id: "vietnam", weight: 15m)),
        Compile(Criterion("""{ "field": "origin", "op": "eq", "value": "TH" }""", id: "thailand", weight: 500m)),
    ]);

    [Fact]
    public void ScoresTheSumOfTheWeightsOfTheCriteriaHit()
    {
        var decision = new RiskEngine(Criteria).Assess(Subject(LaptopsAndShirts()), Thresholds, Settings, 0.5);

        Assert.Equal((75m, Lane.Blue, null), (decision.Score, decision.Lane, decision.ModelContribution));
        Assert.Equal(["laptops", "vietnam"], decision.Hits.Select(h => h.Id));
    }

    [Fact]
    public void AddsTheModelsContributionToTheScore()
    {
        var decision = new RiskEngine(Criteria, s => s.Items.Count * 20m).Assess(Subject(LaptopsAndShirts()), Thresholds, Settings, 0.5);

        Assert.Equal((115m, 40m, Lane.Yellow), (decision.Score, decision.ModelContribution, decision.Lane));
        Assert.Contains("The fraud model contributed 40 to the score.", decision.Reasons);
    }

    [Fact]
    public void SerializesADecisionThatReadsBackUnchanged()
    {
        var decision = new RiskEngine(Criteria).Assess(Subject(LaptopsAndShirts()), Thresholds, Settings, 0.001);

        var json = JsonSerializer.Serialize(decision);
        var again = JsonSerializer.Serialize(JsonSerializer.Deserialize<RiskDecision>(json));

        Assert.Equal(json, again);
        Assert.Contains("\"Lane\":\"Red\"", json, StringComparison.Ordinal);
        Assert.Contains("\"ItemSequences\":[1]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void SerializesWithTheNodesJsonConventions()
    {
        var decision = new RiskEngine(Criteria).Assess(Subject(LaptopsAndShirts()), Thresholds, Settings, 0.5);

        var json = JsonSerializer.Serialize(decision, CriterionJson.Options);

        Assert.Contains("\"lane\":\"blue\"", json, StringComparison.Ordinal);
        Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize<RiskDecision>(json, CriterionJson.Options), CriterionJson.Options));
    }
}
