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
    /// <remarks>
    /// Then, when <paramref name="partner"/> holds a recognised control for the lane reached, the lane is lowered to green:
    /// the partner's inspection replaces this node's. The assessor offers a recognition only when no partner check hit.
    /// </remarks>
    public static RiskDecision Decide(decimal score, IReadOnlyList<CriterionHit> hits, Thresholds thresholds, LaneSettings settings,
        double randomDraw, decimal? modelContribution = null, PartnerEvidence? partner = null)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(settings);
        var scoreLane = thresholds.LaneFor(score);
        var lane = scoreLane;
        Lane? minimum = null;
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            if (hit.MinimumLane > (minimum ?? Lane.Green))
            {
                minimum = hit.MinimumLane;
            }
        }

        if (minimum is { } floor and > Lane.Green)
        {
            lane = Max(lane, floor);
        }

        var maxHits = hits.Count > settings.MaxHitsWithoutSelection;
        if (maxHits)
        {
            lane = Max(lane, Lane.Yellow);
        }

        var laneBeforeRandom = lane;
        var random = randomDraw < settings.MinRandomRate;
        if (random)
        {
            lane = Max(lane, settings.RandomLane);
        }

        Lane? beforeRecognition = null;
        var recognition = partner?.Recognition;
        if (recognition is not null && lane > Lane.Green && recognition.Lanes.Contains(lane))
        {
            beforeRecognition = lane;
            lane = Lane.Green;
        }
        else
        {
            recognition = null;
        }

        // The sentences are written when first read (see DecisionReasons), from the decision itself.
        var reasons = new DecisionReasons(settings, laneBeforeRandom);
        var decision = new RiskDecision
        {
            Lane = lane,
            Score = score,
            ScoreLane = scoreLane,
            ModelContribution = modelContribution,
            Random = random,
            Thresholds = thresholds,
            // A copy: the caller may reuse its list, and a stored explanation must not change.
            Hits = Copy(hits),
            MinimumLane = minimum,
            MaxHitsRuleApplied = maxHits,
            Recognition = recognition,
            LaneBeforeRecognition = beforeRecognition,
            PartnerNotes = partner?.Notes ?? [],
            Reasons = reasons,
        };
        reasons.Decision = decision;
        return decision;
    }

    private static CriterionHit[] Copy(IReadOnlyList<CriterionHit> hits)
    {
        if (hits.Count == 0)
        {
            return [];
        }

        var copy = new CriterionHit[hits.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = hits[i];
        }

        return copy;
    }

    private static Lane Max(Lane a, Lane b) => a > b ? a : b;

    internal static string Name(Lane lane) => lane switch
    {
        Lane.Red => "red",
        Lane.Yellow => "yellow",
        Lane.Blue => "blue",
        _ => "green",
    };
}
