using System.IO.Compression;
using System.Text;

namespace SmartCustoms.Targeting.Tests;

public sealed class FraudModelTests(TrainedModel trained) : IClassFixture<TrainedModel>
{
    [Fact]
    public void TrainedOnKcsTrainItMeetsTheQualityTargetOnKcsValid()
    {
        var result = ValidationResult.Evaluate(trained.Model, trained.Valid);

        Assert.True(result.Fraud.PrecisionAt5 >= 0.87, $"Precision@5% {result.Fraud.PrecisionAt5:0.000}");
        Assert.True(result.Fraud.PrecisionAt10 >= 0.78, $"Precision@10% {result.Fraud.PrecisionAt10:0.000}");
        Assert.Equal(result, trained.Model.Info.Validation);
        Assert.Equal(8134, result.Rows);
    }

    [Fact]
    public void InfoDescribesTheTrainingData()
    {
        var info = trained.Model.Info;

        Assert.Equal((37385, 1), (info.TrainingRows, info.Seed));
        Assert.Equal((new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31)), (info.FirstDate, info.LastDate));
        Assert.InRange(info.FraudRate, 0.216, 0.218);
        Assert.Equal(FeatureEncoder.FeatureNames, info.FeatureNames);
        Assert.InRange(info.Trees, 1, new TrainingOptions().MaximumTrees * 2);
    }

    [Fact]
    public void TheFastScorerGivesTheScoresOfMlNet()
    {
        using var reference = trained.Model.CreateReferenceScorer();

        foreach (var row in trained.Valid.Take(3000))
        {
            Assert.Equal(reference.Score(row.Record), trained.Model.Score(row.Record), 1e-5f);
        }
    }

    [Fact]
    public void ScoringAllocatesNothing()
    {
        var records = trained.Valid.Take(1000).Select(r => r.Record).ToArray();
        foreach (var record in records)
        {
            trained.Model.Score(record);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0f;
        foreach (var record in records)
        {
            sum += trained.Model.Score(record);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(sum > 0);
    }

    [Fact]
    public void SavedAndLoadedItScoresTheSame()
    {
        using var file = new MemoryStream();
        trained.Model.Save(file);
        file.Position = 0;

        var loaded = FraudModel.Load(file);

        Assert.Equal(trained.Model.Info with { FeatureNames = [] }, loaded.Info with { FeatureNames = [] });
        Assert.Equal(trained.Model.Info.FeatureNames, loaded.Info.FeatureNames);
        foreach (var row in trained.Valid.Take(2000))
        {
            Assert.Equal(trained.Model.Score(row.Record), loaded.Score(row.Record));
        }

        using var reference = loaded.CreateReferenceScorer();
        Assert.Equal(reference.Score(trained.Valid[0].Record), loaded.Score(trained.Valid[0].Record), 1e-5f);
    }

    [Fact]
    public void ACorruptOrForeignFileIsRefused()
    {
        using var saved = new MemoryStream();
        trained.Model.Save(saved);
        var bytes = saved.ToArray();

        var garbage = Assert.Throws<FraudModelFormatException>(() => FraudModel.Load(new MemoryStream(Encoding.UTF8.GetBytes("not a zip at all"))));
        Assert.Contains("not a readable SmartCustoms fraud model", garbage.Message, StringComparison.Ordinal);

        Assert.Throws<FraudModelFormatException>(() => FraudModel.Load(new MemoryStream(bytes[..(bytes.Length / 2)])));

        var flipped = bytes.ToArray();
        for (var i = bytes.Length / 3; i < bytes.Length / 3 + 64; i++)
        {
            flipped[i] ^= 0x5A;
        }

        Assert.Throws<FraudModelFormatException>(() => FraudModel.Load(new MemoryStream(flipped)));

        using var foreign = new MemoryStream();
        using (var zip = new ZipArchive(foreign, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("some other zip");
        }

        foreign.Position = 0;
        var error = Assert.Throws<FraudModelFormatException>(() => FraudModel.Load(foreign));
        Assert.Contains("not a SmartCustoms fraud model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplanationsNameTheFeaturesThatPushedTheScoreWithSentencesFromTheHistory()
    {
        var riskiest = trained.Valid.MaxBy(r => trained.Model.Score(r.Record))!.Record;

        var reasons = trained.Model.Explain(riskiest, 5);

        Assert.Equal(5, reasons.Count);
        Assert.Equal(reasons.OrderByDescending(r => Math.Abs(r.Contribution)), reasons);
        Assert.True(reasons[0].Contribution > 0, reasons[0].ToString());
        Assert.All(reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Description)));
        var history = reasons.FirstOrDefault(r => r.Feature.EndsWith("_history", StringComparison.Ordinal));
        Assert.NotNull(history);
        Assert.Matches(@"(past findings in \d+% of \d+ inspections|no past inspections)", history.Description);
        var importer = trained.Model.Encoder.HistoryOf(History.Importer, riskiest);
        var importerReason = trained.Model.Explain(riskiest, 100).Single(r => r.Feature == "importer_history");
        Assert.Contains($"importer {riskiest.ImporterId}", importerReason.Description, StringComparison.Ordinal);
        Assert.Contains($"of {importer.Count} inspections", importerReason.Description, StringComparison.Ordinal);
        var value = trained.Model.Explain(riskiest, 100).Single(r => r.Feature == "value_per_kg");
        Assert.Matches(@"^value per kg [\d.]+(%|×) of the usual for (HS \d+|all goods)$", value.Description);
    }

    [Fact]
    public void TheSameDataAndSeedGiveTheSameScores()
    {
        // A quarter of the training year keeps this fast; determinism does not depend on size.
        var rows = trained.Train.Where(r => r.Date.Month <= 3).ToList();
        var options = new TrainingOptions { Seed = 5 };

        var first = FraudModelTrainer.Train(rows, options, null);
        var second = FraudModelTrainer.Train(rows, options, null);
        var reseeded = FraudModelTrainer.Train(rows, options with { Seed = 6 }, null);

        var records = trained.Valid.Take(2000).Select(r => r.Record).ToList();
        Assert.Equal(records.Select(first.Score), records.Select(second.Score));
        Assert.NotEqual(records.Select(first.Score), records.Select(reseeded.Score));
    }

    [Fact]
    public void ProgressIsReportedThroughTheStages()
    {
        var rows = trained.Train.Where(r => r.Date.Month == 1).ToList();
        var stages = new List<TrainingProgress>();

        FraudModelTrainer.Train(rows, new TrainingOptions(), new InlineProgress(stages.Add));

        Assert.Equal([1, 2, 3, 4], stages.Select(s => s.Step));
        Assert.All(stages, s => Assert.Equal(4, s.Steps));
    }

    [Fact]
    public void TrainingNeedsBothClasses()
    {
        var rows = trained.Train.Where(r => !r.Fraud).Take(100).ToList();

        Assert.Throws<ArgumentException>(() => FraudModelTrainer.Train(rows, new TrainingOptions(), null));
    }

    private sealed class InlineProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
