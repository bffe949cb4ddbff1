using SmartCustoms.Domain.Controls;
using SmartCustoms.Domain.Risk;

namespace SmartCustoms.Domain.Tests.Controls;

public sealed class RiskPerformanceTests
{
    private static readonly DateTimeOffset From = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(90);

    private static ControlOutcome Outcome(string mrn, Lane lane, bool random = false, bool? findings = null, decimal revenue = 0m, Lane? assessed = null) =>
        new(mrn, assessed ?? lane, lane, random, findings.HasValue, findings ?? false, revenue);

    [Fact]
    public void CountsPerLaneAndCriterionWithTheRandomSampleAsBaseline()
    {
        ControlOutcome[] outcomes =
        [
            Outcome("A", Lane.Red, findings: true, revenue: 100m),
            Outcome("B", Lane.Red, findings: false),
            Outcome("C", Lane.Yellow, findings: true, revenue: 50m),
            Outcome("D", Lane.Red, random: true, findings: false),
            Outcome("E", Lane.Red, random: true, findings: true, revenue: 10m),
            Outcome("F", Lane.Red, random: true, findings: false),
            Outcome("G", Lane.Red, random: true, findings: false),
            Outcome("H", Lane.Green),
            Outcome("I", Lane.Red, findings: false, assessed: Lane.Green),
        ];
        CriterionHitRow[] hits = [new("A", "cheap"), new("B", "cheap"), new("C", "cheap"), new("H", "cheap"), new("A", "route")];
        CriterionEntry[] criteria = [new("cheap", "Cheap goods", false), new("route", "Route", false), new("idle", "Never hits", false)];

        var report = RiskPerformance.Compute(From, To, outcomes, hits, criteria);

        Assert.Equal(new PerformanceCounts(9, 8, 8, 3, 3 / 8.0, 160m), report.Total);
        Assert.Equal(new PerformanceCounts(4, 4, 4, 1, 0.25, 10m), report.RandomBaseline);
        var red = report.Lanes.Single(l => l.Lane == Lane.Red);
        Assert.Equal(new LanePerformance(Lane.Red, 7, 1, 7, 2, 2 / 7.0, 110m), red);
        Assert.Equal([Lane.Red, Lane.Yellow, Lane.Blue, Lane.Green], report.Lanes.Select(l => l.Lane));
        var cheap = report.Criteria.Single(c => c.Id == "cheap");
        Assert.Equal((4L, 3L, 3L, 2L, 150m), (cheap.Hits, cheap.Selections, cheap.Inspections, cheap.Findings, cheap.Revenue));
        Assert.Equal(2 / 3.0 / 0.25, cheap.Lift!.Value, 10);
        var idle = report.Criteria.Single(c => c.Id == "idle");
        Assert.Equal((0L, null, null), (idle.Hits, idle.HitRate, idle.Lift));
    }

    [Fact]
    public void HitsOfCriteriaNoLongerListedStillCountAsRetired()
    {
        var report = RiskPerformance.Compute(From, To, [Outcome("A", Lane.Red, findings: true)], [new("A", "gone")], []);

        var gone = Assert.Single(report.Criteria);
        Assert.True(gone.Retired);
        Assert.Equal(1.0, gone.HitRate);
        Assert.Null(gone.Lift);
    }

    [Fact]
    public void ReferencePricesAreMediansOfSubheadingsSeenOftenEnough()
    {
        var observations = new[] { 10m, 30m, 20m, 1000m, 0m, -5m }.Select(v => KeyValuePair.Create("851010", v))
            .Append(KeyValuePair.Create("610910", 4m))
            .Append(KeyValuePair.Create("6109", 4m));

        var prices = ReferencePriceMedians.Compute(observations, minObservations: 3);

        Assert.True(prices.TryGet("851010", out var median));
        Assert.Equal(25m, median);
        Assert.False(prices.TryGet("610910", out _));
        Assert.Equal(1, prices.Count);
    }
}
