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
    public void NamesTheModelAndItsReasonsInTheDecision()
    {
        var model = new ItemCountModel();
        var decision = new RiskEngine(Criteria, model).Assess(Subject(LaptopsAndShirts()), Thresholds, Settings, 0.5);
        var withoutModel = new RiskEngine(Criteria).Assess(Subject(LaptopsAndShirts()), Thresholds, Settings, 0.5);

        Assert.Equal((115m, 40m, "items model"), (decision.Score, decision.ModelContribution, decision.Model));
        Assert.Equal(["2 goods items", "declaration GB000040"], decision.ModelReasons);
        Assert.Equal(RiskEngine.ModelReasonCount, model.AskedFor);
        Assert.Same(model, new RiskEngine(Criteria, model).Model);
        Assert.Equal((null, 0), (withoutModel.Model, withoutModel.ModelReasons.Count));
    }

    /// <summary>A transparent model for the engine's wiring: 20 points per item.</summary>
    private sealed class ItemCountModel : IRiskModel
    {
        public int AskedFor { get; private set; }

        public string Name => "items model";

        public decimal Score(RiskSubject subject) => subject.Items.Count * 20m;

        public IReadOnlyList<string> Explain(RiskSubject subject, int top)
        {
            AskedFor = top;
            return [$"{subject.Items.Count} goods items", $"declaration {subject.Declaration.DeclarationOffice}"];
        }
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
