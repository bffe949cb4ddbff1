using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace SmartCustoms.Targeting;

/// <summary>
/// Trains the fraud model: out-of-fold history features, gradient-boosted trees (LightGBM through ML.NET, one
/// thread so that the same rows and seed give the same trees), the number of trees chosen by early stopping on the
/// latest dates of the training data, then a final fit on every row.
/// </summary>
public static class FraudModelTrainer
{
    private const int Steps = 4;

    public static FraudModel Train(IReadOnlyList<LabelledRecord> rows, TrainingOptions options, IProgress<TrainingProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        if (rows.Count == 0 || rows.All(r => r.Fraud) || rows.All(r => !r.Fraud))
        {
            throw new ArgumentException("training needs rows with and without fraud", nameof(rows));
        }

        var started = Stopwatch.GetTimestamp();
        var ml = new MLContext(options.Seed);
        // A node's first few hundred inspections cannot fill leaves of 40 rows: the trees would not split at all.
        options = options with { MinimumRowsPerLeaf = Math.Clamp(rows.Count / 20, 2, Math.Max(options.MinimumRowsPerLeaf, 2)) };

        // 1. Choose the number of trees: fit on the earlier dates, stop on the latest ones, each encoded as in use
        //    (the earlier part out of fold, the held-out part with the earlier part's frozen tables).
        progress?.Report(new TrainingProgress("choosing the number of trees on the latest dates", 1, Steps));
        var (past, recent) = SplitByDate(rows, options.EarlyStoppingShare);
        int stoppingTrees;
        if (recent.Count >= options.MinimumStoppingRows && recent.Any(r => r.Fraud) && recent.Any(r => !r.Fraud)
            && past.Any(r => r.Fraud) && past.Any(r => !r.Fraud))
        {
            var pastEncoding = FeatureEncoder.FitOutOfFold(past, options.Folds, options.Seed, options.Smoothing);
            var recentData = MlNetData.Load(ml, recent.Select(r => Row(pastEncoding.Encoder, r)).ToList());
            var trainer = ml.BinaryClassification.Trainers.LightGbm(Options(options, options.MaximumTrees, earlyStopping: true));
            var stopped = trainer.Fit(MlNetData.Load(ml, Rows(past, pastEncoding)), recentData);
            stoppingTrees = MlNetData.ExtractScorer(stopped).TreeCount;
        }
        else
        {
            stoppingTrees = options.FallbackTrees;
        }

        // 2. The final fit on every row, a little longer as it sees more data.
        progress?.Report(new TrainingProgress("encoding histories out of fold", 2, Steps));
        var encoding = FeatureEncoder.FitOutOfFold(rows, options.Folds, options.Seed, options.Smoothing);
        var trees = Math.Max(1, (int)Math.Round(stoppingTrees * (1 + options.EarlyStoppingShare)));
        progress?.Report(new TrainingProgress($"training {trees} trees on {rows.Count} rows", 3, Steps));
        var final = ml.BinaryClassification.Trainers.LightGbm(Options(options, trees, earlyStopping: false))
            .Fit(MlNetData.Load(ml, Rows(rows, encoding)));

        var info = new ModelInfo
        {
            CreatedAt = TimeProvider.System.GetUtcNow(),
            Seed = options.Seed,
            TrainingRows = rows.Count,
            FraudRate = (double)rows.Count(r => r.Fraud) / rows.Count,
            CriticalRate = (double)rows.Count(r => r.CriticalFraud) / rows.Count,
            FirstDate = rows.Min(r => r.Date),
            LastDate = rows.Max(r => r.Date),
            FeatureNames = FeatureEncoder.FeatureNames,
            Trees = trees,
            EarlyStoppingTrees = stoppingTrees,
            TrainingSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds,
            Parameters = new HyperParameters(options.Folds, options.Smoothing, options.Leaves, options.MinimumRowsPerLeaf,
                options.LearningRate, options.FeatureFraction, options.RowSubsample, options.L2Regularization, options.EarlyStoppingShare),
        };
        var model = new FraudModel(ml, final, encoding.Encoder, info);
        if (options.Validation is { Count: > 0 } validation)
        {
            progress?.Report(new TrainingProgress($"evaluating on {validation.Count} validation rows", 4, Steps));
            return model.WithInfo(info with { Validation = ValidationResult.Evaluate(model, validation) });
        }

        progress?.Report(new TrainingProgress("done", Steps, Steps));
        return model;
    }

    /// <summary>The latest <paramref name="share"/> of rows by date (whole days, so a day is never split) against the rest.</summary>
    internal static (List<LabelledRecord> Past, List<LabelledRecord> Recent) SplitByDate(IReadOnlyList<LabelledRecord> rows, double share)
    {
        var dates = rows.Select(r => r.Date).Order().ToArray();
        var cutoff = dates[Math.Clamp((int)(dates.Length * (1 - share)), 0, dates.Length - 1)];
        return ([.. rows.Where(r => r.Date < cutoff)], [.. rows.Where(r => r.Date >= cutoff)]);
    }

    private static FeatureRow Row(FeatureEncoder encoder, LabelledRecord row)
    {
        var features = new float[FeatureEncoder.FeatureCount];
        encoder.Encode(row.Record, features);
        return new FeatureRow { Label = row.Fraud, Features = features };
    }

    private static List<FeatureRow> Rows(IReadOnlyList<LabelledRecord> rows, OutOfFoldEncoding encoding) =>
        [.. rows.Select((r, i) => new FeatureRow { Label = r.Fraud, Features = encoding.Features[i] })];

    private static LightGbmBinaryTrainer.Options Options(TrainingOptions options, int trees, bool earlyStopping) => new()
    {
        NumberOfIterations = trees,
        EarlyStoppingRound = earlyStopping ? options.EarlyStoppingRounds : 0,
        NumberOfLeaves = options.Leaves,
        MinimumExampleCountPerLeaf = options.MinimumRowsPerLeaf,
        LearningRate = options.LearningRate,
        Seed = options.Seed,
        // One thread and LightGBM's deterministic mode: multi-threaded histogram sums may differ in their last bits.
        NumberOfThreads = 1,
        Deterministic = true,
        Verbose = false,
        Silent = true,
        Booster = new GradientBooster.Options
        {
            FeatureFraction = options.FeatureFraction,
            SubsampleFraction = options.RowSubsample,
            SubsampleFrequency = options.RowSubsample < 1 ? 1 : 0,
            L2Regularization = options.L2Regularization,
            MaximumTreeDepth = options.MaximumDepth,
        },
    };
}
