using System.Collections;
using System.Globalization;

namespace SmartCustoms.Domain.Risk;

/// <summary>
/// The sentences of <see cref="RiskDecision.Reasons"/>, written on first read: most decisions are never
/// explained (green lanes, replays, benchmarks), and formatting them cost more than scoring. Every input is
/// immutable, so the text is the same whenever, and on whichever thread, it is first read.
/// </summary>
internal sealed class DecisionReasons(LaneSettings settings, Lane laneBeforeRandom) : IReadOnlyList<string>
{
    private string[]? _reasons;

    /// <summary>The decision explained, set once right after it is built and before anyone can read it.</summary>
    internal RiskDecision Decision { get; set; } = null!;

    public int Count => Reasons.Length;

    public string this[int index] => Reasons[index];

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)Reasons).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // A race builds two equal arrays and keeps one: cheaper than a lock on a path that rarely runs twice.
    private string[] Reasons => _reasons ??= Build();

    private string[] Build()
    {
        var decision = Decision;
        var hits = decision.Hits;
        var reasons = new List<string>(hits.Count + 4 + decision.PartnerNotes.Count);
        reasons.AddRange(decision.PartnerNotes);
        foreach (var hit in hits)
        {
            reasons.Add(HitReason(hit));
        }

        if (decision.ModelContribution is { } model)
        {
            reasons.Add($"The fraud model contributed {Format(model)} to the score.");
        }

        reasons.Add(ScoreReason(decision.Score, decision.ScoreLane, decision.Thresholds));
        if (decision.MinimumLane is { } floor and > Lane.Green)
        {
            var by = hits.Where(h => h.MinimumLane == floor).Select(h => h.Id).ToArray();
            reasons.Add(by.Length == 1
                ? $"Criterion {by[0]} requires at least {Selectivity.Name(floor)}."
                : $"Criteria {string.Join(", ", by)} require at least {Selectivity.Name(floor)}.");
        }

        if (decision.MaxHitsRuleApplied)
        {
            reasons.Add($"{hits.Count} criteria hit, more than the {settings.MaxHitsWithoutSelection} allowed without selection: at least yellow.");
        }

        if (decision.Random)
        {
            var rate = settings.MinRandomRate.ToString("0.##%", CultureInfo.InvariantCulture);
            reasons.Add(settings.RandomLane > laneBeforeRandom
                ? $"Selected at random ({rate} random sample): {Selectivity.Name(settings.RandomLane)}."
                : $"Also drawn in the {rate} random sample; the lane was already {Selectivity.Name(laneBeforeRandom)}.");
        }

        if (decision.Recognition is { } recognised && decision.LaneBeforeRecognition is { } before)
        {
            reasons.Add($"Control recognised: {recognised.Summary}; {Selectivity.Name(before)} lowered to green under the agreement with {recognised.Partner}.");
        }

        return [.. reasons];
    }

    private static string HitReason(CriterionHit hit)
    {
        if (hit.Explanation is { } explained)
        {
            return $"{explained} [{hit.Id}, weight {Format(hit.Weight)}].";
        }

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
            ? $" (fallback thresholds: only {thresholds.Observations.ToString(CultureInfo.InvariantCulture)} recent declaration{(thresholds.Observations == 1 ? "" : "s")} at this office)"
            : "";
        return lane == Lane.Green
            ? $"Score {Format(score)} is below every lane threshold{source}."
            : $"Score {Format(score)} reaches the {Selectivity.Name(lane)} threshold {Format(thresholds.For(lane)!.Value)}{source}.";
    }

    // G29 drops the trailing zeros a JSON weight such as 120.0 carries.
    private static string Format(decimal value) => value.ToString("G29", CultureInfo.InvariantCulture);
}
