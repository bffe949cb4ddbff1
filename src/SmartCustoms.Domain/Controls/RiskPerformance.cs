using SmartCustoms.Domain.Risk;

namespace SmartCustoms.Domain.Controls;

/// <summary>
/// One assessed declaration as the performance figures see it: the lane given at lodging, the lane in force (after
/// any re-routing), whether it fell in the random sample, and the result of its control if one was recorded.
/// </summary>
public sealed record ControlOutcome(string Mrn, Lane AssessedLane, Lane Lane, bool Random, bool Inspected, bool Findings, decimal Revenue);

/// <summary>A criterion hit by the assessment of <paramref name="Mrn"/>.</summary>
public sealed record CriterionHitRow(string Mrn, string CriterionId);

/// <summary>A criterion to report on, hit or not: a criterion that never finds anything must show as such.</summary>
public sealed record CriterionEntry(string Id, string Name, bool Retired);

/// <summary>
/// Counts for one group of declarations. <see cref="HitRate"/> is findings per inspection (null before any
/// inspection); <see cref="Revenue"/> is the revenue at stake recorded with the findings.
/// </summary>
public sealed record PerformanceCounts(long Declarations, long Selections, long Inspections, long Findings, double? HitRate, decimal Revenue);

/// <param name="Selections">Declarations this criterion hit that were sent to a control before release (red or yellow lane).</param>
/// <param name="Lift">Hit rate divided by the random baseline's: above 1, the criterion finds more than chance.</param>
public sealed record CriterionPerformance(
    string Id, string Name, bool Retired, long Hits, long Selections, long Inspections, long Findings, double? HitRate, decimal Revenue, double? Lift);

/// <param name="ReroutedIn">Declarations an officer moved into this lane from another.</param>
public sealed record LanePerformance(Lane Lane, long Declarations, long ReroutedIn, long Inspections, long Findings, double? HitRate, decimal Revenue);

public sealed record RiskPerformanceReport(
    DateTimeOffset From, DateTimeOffset To, PerformanceCounts Total, PerformanceCounts RandomBaseline,
    IReadOnlyList<LanePerformance> Lanes, IReadOnlyList<CriterionPerformance> Criteria);

/// <summary>
/// How well selection finds fraud, from inspection results used as labels. The random selections are an unbiased
/// sample: their hit rate is the baseline every criterion is measured against.
/// </summary>
public static class RiskPerformance
{
    private static readonly Lane[] LaneOrder = [Lane.Red, Lane.Yellow, Lane.Blue, Lane.Green];

    public static RiskPerformanceReport Compute(
        DateTimeOffset from, DateTimeOffset to, IReadOnlyList<ControlOutcome> outcomes, IReadOnlyList<CriterionHitRow> hits,
        IReadOnlyList<CriterionEntry> criteria)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(criteria);
        var byMrn = new Dictionary<string, ControlOutcome>(outcomes.Count, StringComparer.Ordinal);
        foreach (var outcome in outcomes)
        {
            byMrn[outcome.Mrn] = outcome;
        }

        var total = new Tally();
        var random = new Tally();
        var lanes = LaneOrder.ToDictionary(l => l, _ => new Tally());
        foreach (var outcome in outcomes)
        {
            total.Add(outcome);
            if (outcome.Random)
            {
                random.Add(outcome);
            }

            var lane = lanes[outcome.Lane];
            lane.Add(outcome);
            if (outcome.Lane != outcome.AssessedLane)
            {
                lane.ReroutedIn++;
            }
        }

        var perCriterion = new Dictionary<string, Tally>(StringComparer.Ordinal);
        foreach (var hit in hits)
        {
            if (!byMrn.TryGetValue(hit.Mrn, out var outcome))
            {
                continue;
            }

            if (!perCriterion.TryGetValue(hit.CriterionId, out var tally))
            {
                tally = new Tally();
                perCriterion.Add(hit.CriterionId, tally);
            }

            tally.Add(outcome);
        }

        var baseline = random.HitRate;
        var known = criteria.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var ids = known.Keys.Union(perCriterion.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var criterionRows = ids.Select(id =>
        {
            var tally = perCriterion.GetValueOrDefault(id) ?? new Tally();
            var entry = known.GetValueOrDefault(id);
            var rate = tally.HitRate;
            return new CriterionPerformance(
                // The partner checks are built in: named, and never retired.
                id, entry?.Name ?? Exchange.PartnerChecks.NameOf(id) ?? "", entry?.Retired ?? Exchange.PartnerChecks.NameOf(id) is null, tally.Declarations, tally.Selections, tally.Inspections, tally.Findings,
                rate, tally.Revenue, rate is { } r && baseline is > 0 ? r / baseline.Value : null);
        }).ToList();

        return new RiskPerformanceReport(
            from, to, total.Counts(), random.Counts(),
            [.. LaneOrder.Select(l => lanes[l].ForLane(l))],
            criterionRows);
    }

    private sealed class Tally
    {
        public long Declarations { get; private set; }
        public long Selections { get; private set; }
        public long Inspections { get; private set; }
        public long Findings { get; private set; }
        public decimal Revenue { get; private set; }
        public long ReroutedIn { get; set; }

        public double? HitRate => Inspections == 0 ? null : (double)Findings / Inspections;

        public void Add(ControlOutcome outcome)
        {
            Declarations++;
            if (outcome.Lane is Lane.Red or Lane.Yellow)
            {
                Selections++;
            }

            if (outcome.Inspected)
            {
                Inspections++;
                if (outcome.Findings)
                {
                    Findings++;
                    Revenue += outcome.Revenue;
                }
            }
        }

        public PerformanceCounts Counts() => new(Declarations, Selections, Inspections, Findings, HitRate, Revenue);

        public LanePerformance ForLane(Lane lane) => new(lane, Declarations, ReroutedIn, Inspections, Findings, HitRate, Revenue);
    }
}
