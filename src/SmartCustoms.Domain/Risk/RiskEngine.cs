namespace SmartCustoms.Domain.Risk;

/// <summary>
/// Scores a declaration with the criteria in force and, later, a fraud model, then decides its lane. The model
/// joins through one seam: a function from the subject to its contribution to the score.
/// </summary>
public sealed class RiskEngine(CriteriaSet criteria, Func<RiskSubject, decimal>? model = null)
{
    /// <summary>How many of a model's reasons an explanation keeps.</summary>
    public const int ModelReasonCount = 3;

    private readonly IRiskModel? _riskModel;

    /// <summary>An engine whose score adds <paramref name="riskModel"/>'s contribution, named with its reasons in each decision.</summary>
    public RiskEngine(CriteriaSet criteria, IRiskModel riskModel)
        : this(criteria, (riskModel ?? throw new ArgumentNullException(nameof(riskModel))).Score)
    {
        _riskModel = riskModel;
    }

    /// <summary>The model taking part, when it was given as an <see cref="IRiskModel"/>.</summary>
    public IRiskModel? Model => _riskModel;
    [ThreadStatic]
    private static List<CriterionHit>? t_hits;

    public CriteriaSet Criteria { get; } = criteria ?? throw new ArgumentNullException(nameof(criteria));

    public bool HasModel => model is not null;

    /// <param name="partner">What partners' data adds: its hits are scored with the criteria's, its recognition may lower the lane.</param>
    public RiskDecision Assess(RiskSubject subject, Thresholds thresholds, LaneSettings settings, double randomDraw, PartnerEvidence? partner = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        // Decide copies the hits, so one scratch list per thread serves every assessment. Taken, not shared: a
        // model that assessed another declaration from inside Score would get a list of its own.
        var hits = t_hits ?? new List<CriterionHit>();
        t_hits = null;
        hits.Clear();
        try
        {
            var score = Score(subject, hits, out var contribution);
            if (partner is not null)
            {
                foreach (var hit in partner.Hits)
                {
                    hits.Add(hit);
                    score += hit.Weight;
                }
            }

            var decision = Selectivity.Decide(score, hits, thresholds, settings, randomDraw, contribution, partner);
            return _riskModel is null
                ? decision
                : decision with { Model = _riskModel.Name, ModelReasons = _riskModel.Explain(subject, ModelReasonCount) };
        }
        finally
        {
            hits.Clear();
            t_hits = hits;
        }
    }

    /// <summary>The score alone, appending the hits: for replaying history and for benchmarks.</summary>
    public decimal Score(RiskSubject subject, List<CriterionHit> hits, out decimal? modelContribution)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(hits);
        var start = hits.Count;
        Criteria.Evaluate(subject, hits);
        var score = 0m;
        for (var i = start; i < hits.Count; i++)
        {
            score += hits[i].Weight;
        }

        modelContribution = model?.Invoke(subject);
        return score + (modelContribution ?? 0m);
    }
}
