using System.Globalization;

namespace SmartCustoms.Domain.Risk;

/// <summary>
/// Turns a score and the criteria hit into a lane. Pure: the random draw comes from the caller, so that the same
/// inputs always give the same decision and tests need no seed.
/// </summary>
public static class Selectivity
{
    /// <summary>
    /// The lane is the highest of: the score's lane under the thresholds; the minimum lanes of the criteria hit;
    /// yellow when more than <see cref="LaneSettings.MaxHitsWithoutSelection"/> criteria hit; and the random lane
    /// when <paramref name="randomDraw"/> (uniform in [0, 1)) is below <see cref="LaneSettings.MinRandomRate"/>.
    /// </summary>
    public static RiskDecision Decide(decimal score, IReadOnlyList<CriterionHit> hits, Thresholds thresholds, LaneSettings settings,
        double randomDraw, decimal? modelContribution = null)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(settings);
        var reasons = new List<string>(hits.Count + 3);
        foreach (var hit in hits)
        {
            reasons.Add(HitReason(hit));
        }

        if (modelContribution is { } model)
        {
            reasons.Add($"The fraud model contributed {Format(model)} to the score.");
        }

        var scoreLane = thresholds.LaneFor(score);
        reasons.Add(ScoreReason(score, scoreLane, thresholds));
        var lane = scoreLane;

        Lane? minimum = null;
        foreach (var hit in hits)
        {
            if (hit.MinimumLane > (minimum ?? Lane.Green))
            {
                minimum = hit.MinimumLane;
            }
        }

        if (minimum is { } floor and > Lane.Green)
        {
            var by = hits.Where(h => h.MinimumLane == floor).Select(h => h.Id).ToArray();
            reasons.Add(by.Length == 1
                ? $"Criterion {by[0]} requires at least {Name(floor)}."
                : $"Criteria {string.Join(", ", by)} require at least {Name(floor)}.");
            lane = Max(lane, floor);
        }

        var maxHits = hits.Count > settings.MaxHitsWithoutSelection;
        if (maxHits)
        {
            reasons.Add($"{hits.Count} criteria hit, more than the {settings.MaxHitsWithoutSelection} allowed without selection: at least yellow.");
            lane = Max(lane, Lane.Yellow);
        }

        var random = randomDraw < settings.MinRandomRate;
        if (random)
        {
            var rate = settings.MinRandomRate.ToString("0.##%", CultureInfo.InvariantCulture);
            reasons.Add(settings.RandomLane > lane
                ? $"Selected at random ({rate} random sample): {Name(settings.RandomLane)}."
                : $"Also drawn in the {rate} random sample; the lane was already {Name(lane)}.");
            lane = Max(lane, settings.RandomLane);
        }

        return new RiskDecision
        {
            Lane = lane,
            Score = score,
            ScoreLane = scoreLane,
            ModelContribution = modelContribution,
            Random = random,
            Thresholds = thresholds,
            // A copy: the caller may reuse its list, and a stored explanation must not change.
            Hits = [.. hits],
            MinimumLane = minimum,
            MaxHitsRuleApplied = maxHits,
            Reasons = reasons,
        };
    }

    private static string HitReason(CriterionHit hit)
    {
        var items = hit.ItemSequences.Count switch
        {
            0 => "",
            1 => " on item " + hit.ItemSequences[0].ToString(CultureInfo.InvariantCulture),
            _ => " on items " + string.Join(", ", hit.ItemSequences.Select(s => s.ToString(CultureInfo.InvariantCulture))),
        };
        return $"{hit.Name} ({hit.Id} v{hit.Version.ToString(CultureInfo.InvariantCulture)}) hit{items}: weight {Format(hit.Weight)}.";
    }

    private static string ScoreReason(decimal score, Lane lane, Thresholds thresholds)
    {
        if (score == 0m)
        {
            return "Score 0: a declaration scoring zero is not selected by score.";
        }

        if (score < 0m)
        {
            return $"Score {Format(score)}: a declaration scoring zero or less is not selected by score.";
        }

        var source = thresholds.Fallback
            ? $" (fallback thresholds: only {thresholds.Observations.ToString(CultureInfo.InvariantCulture)} recent declarations at this office)"
            : "";
        return lane == Lane.Green
            ? $"Score {Format(score)} is below every lane threshold{source}."
            : $"Score {Format(score)} reaches the {Name(lane)} threshold {Format(thresholds.For(lane)!.Value)}{source}.";
    }

    private static Lane Max(Lane a, Lane b) => a > b ? a : b;

    // G29 drops the trailing zeros a JSON weight such as 120.0 carries.
    private static string Format(decimal value) => value.ToString("G29", CultureInfo.InvariantCulture);

    internal static string Name(Lane lane) => lane switch
    {
        Lane.Red => "red",
        Lane.Yellow => "yellow",
        Lane.Blue => "blue",
        _ => "green",
    };
}
