namespace SmartCustoms.Targeting;

/// <summary>
/// How a model is trained. The defaults were chosen on kcs-valid among a few modest settings (table in bench/README.md) and
/// are meant to be left alone: the number of trees is found per training set by early stopping.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>Seeds the folds, LightGBM's sampling and ML.NET: the same rows and seed give the same model.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Folds of the out-of-fold history encoding.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Weight, in inspections, of the global rate in each key's smoothed rate.</summary>
    public double Smoothing { get; init; } = 10;

    public int Leaves { get; init; } = 63;

    /// <summary>Depth bound of each tree: LightGBM grows leaf-wise, and a shallow bound keeps scoring fast.</summary>
    public int MaximumDepth { get; init; } = 8;
    public int MinimumRowsPerLeaf { get; init; } = 40;
    public double LearningRate { get; init; } = 0.1;
    public double FeatureFraction { get; init; } = 0.8;
    public double RowSubsample { get; init; } = 0.8;
    public double L2Regularization { get; init; } = 1.0;

    /// <summary>Upper bound on boosting rounds; early stopping usually ends far sooner.</summary>
    public int MaximumTrees { get; init; } = 1000;
    public int EarlyStoppingRounds { get; init; } = 50;

    /// <summary>Share of the latest training dates held out to choose the number of trees (train on the past, stop on the future).</summary>
    public double EarlyStoppingShare { get; init; } = 0.15;

    /// <summary>Trees used when the held-out part is too small to stop on (fewer than <see cref="MinimumStoppingRows"/> rows or one class).</summary>
    public int FallbackTrees { get; init; } = 200;
    public int MinimumStoppingRows { get; init; } = 200;

    /// <summary>Labelled rows scored once after training, their metrics kept in <see cref="ModelInfo"/>; never used to fit.</summary>
    public IReadOnlyList<LabelledRecord>? Validation { get; init; }
}

/// <summary>Where training is: stage <see cref="Step"/> of <see cref="Steps"/>.</summary>
public sealed record TrainingProgress(string Stage, int Step, int Steps);

/// <summary>One reason for a score: a group of features, how much it moved the score, and a sentence for an officer.</summary>
/// <param name="Contribution">Score with the actual values minus score with the feature at its neutral value.</param>
public sealed record FeatureContribution(string Feature, double Contribution, string Description);
