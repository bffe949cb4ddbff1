namespace SmartCustoms.Targeting;

/// <summary>What a model was trained on and how, stored in the model file.</summary>
public sealed record ModelInfo
{
    public const string FormatName = "smartcustoms-fraud-model";
    public const int CurrentVersion = 1;

    public string Format { get; init; } = FormatName;
    public int Version { get; init; } = CurrentVersion;
    public required DateTimeOffset CreatedAt { get; init; }
    public required int Seed { get; init; }
    public required int TrainingRows { get; init; }
    public required double FraudRate { get; init; }
    public required double CriticalRate { get; init; }
    public required DateOnly FirstDate { get; init; }
    public required DateOnly LastDate { get; init; }
    public required IReadOnlyList<string> FeatureNames { get; init; }
    public required int Trees { get; init; }

    /// <summary>Trees chosen by early stopping on the latest training dates, before the final fit on all rows.</summary>
    public required int EarlyStoppingTrees { get; init; }
    public required double TrainingSeconds { get; init; }
    public required HyperParameters Parameters { get; init; }
    public ValidationResult? Validation { get; init; }
}

public sealed record HyperParameters(int Folds, double Smoothing, int Leaves, int MinimumRowsPerLeaf, double LearningRate,
    double FeatureFraction, double RowSubsample, double L2Regularization, double EarlyStoppingShare);

/// <summary>Ranking quality on validation rows: for fraud, and for critical fraud with the same scores.</summary>
public sealed record ValidationResult(int Rows, DateOnly FirstDate, DateOnly LastDate, RankingMetrics Fraud, RankingMetrics Critical)
{
    public static ValidationResult Evaluate(FraudModel model, IReadOnlyList<LabelledRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("no rows to evaluate", nameof(rows));
        }

        var scores = rows.Select(r => model.Score(r.Record)).ToArray();
        return new ValidationResult(rows.Count, rows.Min(r => r.Date), rows.Max(r => r.Date),
            RankingMetrics.Compute(scores, [.. rows.Select(r => r.Fraud)]),
            RankingMetrics.Compute(scores, [.. rows.Select(r => r.CriticalFraud)]));
    }
}
