namespace SmartCustoms.Targeting;

/// <summary>
/// Quality of the top of a ranking, as inspection capacity is fixed: Precision@n% is the share of fraud among the
/// top n% by score, Recall@n% the share of all fraud found there; ROC AUC over the whole ranking.
/// </summary>
public sealed record RankingMetrics
{
    public required int Count { get; init; }
    public required int Positives { get; init; }
    public required double PrecisionAt1 { get; init; }
    public required double PrecisionAt2 { get; init; }
    public required double PrecisionAt5 { get; init; }
    public required double PrecisionAt10 { get; init; }
    public required double RecallAt1 { get; init; }
    public required double RecallAt2 { get; init; }
    public required double RecallAt5 { get; init; }
    public required double RecallAt10 { get; init; }

    /// <summary>ROC AUC with tied scores sharing their average rank; null when only one class is present.</summary>
    public required double? Auc { get; init; }

    /// <summary>
    /// The top n% is the first ceil(n% × count) declarations (at least one) by descending score; declarations with
    /// equal scores keep their input order, so the result is reproducible.
    /// </summary>
    public static RankingMetrics Compute(IReadOnlyList<float> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Count != labels.Count)
        {
            throw new ArgumentException($"{scores.Count} scores for {labels.Count} labels", nameof(labels));
        }

        if (scores.Count == 0)
        {
            throw new ArgumentException("no scores to rank", nameof(scores));
        }

        if (scores.Any(float.IsNaN))
        {
            throw new ArgumentException("a score is NaN", nameof(scores));
        }

        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();
        var positives = labels.Count(l => l);
        // found[k] = fraud among the first k of the ranking.
        var found = new int[order.Length + 1];
        for (var k = 0; k < order.Length; k++)
        {
            found[k + 1] = found[k] + (labels[order[k]] ? 1 : 0);
        }

        double Precision(double percent) => (double)found[Top(order.Length, percent)] / Top(order.Length, percent);
        double Recall(double percent) => positives == 0 ? 0.0 : (double)found[Top(order.Length, percent)] / positives;
        return new RankingMetrics
        {
            Count = scores.Count,
            Positives = positives,
            PrecisionAt1 = Precision(1),
            PrecisionAt2 = Precision(2),
            PrecisionAt5 = Precision(5),
            PrecisionAt10 = Precision(10),
            RecallAt1 = Recall(1),
            RecallAt2 = Recall(2),
            RecallAt5 = Recall(5),
            RecallAt10 = Recall(10),
            Auc = AreaUnderRoc(scores, labels, positives),
        };
    }

    private static int Top(int count, double percent) => Math.Clamp((int)Math.Ceiling(count * percent / 100.0 - 1e-9), 1, count);

    /// <summary>Mann-Whitney: the rank sum of the positives, ranks ascending by score, ties given their average rank.</summary>
    private static double? AreaUnderRoc(IReadOnlyList<float> scores, IReadOnlyList<bool> labels, int positives)
    {
        var negatives = scores.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        var ascending = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        var positiveRankSum = 0.0;
        for (var start = 0; start < ascending.Length;)
        {
            var end = start;
            while (end + 1 < ascending.Length && scores[ascending[end + 1]] == scores[ascending[start]])
            {
                end++;
            }

            var averageRank = (start + end) / 2.0 + 1.0;
            for (var k = start; k <= end; k++)
            {
                if (labels[ascending[k]])
                {
                    positiveRankSum += averageRank;
                }
            }

            start = end + 1;
        }

        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }
}
