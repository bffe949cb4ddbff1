namespace SmartCustoms.Targeting.Tests;

public sealed class FeatureEncoderTests
{
    private static readonly int ImporterRate = FeatureEncoder.FeatureNames.ToList().IndexOf("importer_fraud_rate");
    private static readonly int ImporterCount = FeatureEncoder.FeatureNames.ToList().IndexOf("importer_log_count");

    /// <summary>300 rows over 12 importers and 5 HS codes, with importer-dependent fraud, drawn from a fixed seed.</summary>
    private static List<LabelledRecord> Rows()
    {
        var random = new Random(7);
        return [.. Enumerable.Range(0, 300).Select(i =>
        {
            var importer = i % 12;
            var record = Samples.Record(importer: "IMP" + importer, hs6: "85171" + (i % 5), price: 100 + random.Next(1000), mass: 1 + random.Next(50));
            return new LabelledRecord(record, random.NextDouble() < importer / 12.0, 0, new DateOnly(2020, 1, 1).AddDays(i));
        })];
    }

    [Fact]
    public void ChangingARowsLabelNeverChangesThatRowsOwnFeatures()
    {
        var rows = Rows();
        var before = FeatureEncoder.FitOutOfFold(rows, folds: 5, seed: 3, smoothing: 10);

        foreach (var flipped in new[] { 0, 17, 123, 299 })
        {
            var changed = rows.ToList();
            changed[flipped] = rows[flipped] with { Fraud = !rows[flipped].Fraud };
            var after = FeatureEncoder.FitOutOfFold(changed, folds: 5, seed: 3, smoothing: 10);

            Assert.Equal(before.Folds, after.Folds);
            Assert.Equal(before.Features[flipped], after.Features[flipped]);
            // The label does reach the rows of other folds: the encoding is not blind to labels.
            var sameImporterElsewhere = Enumerable.Range(0, rows.Count)
                .Where(i => rows[i].Record.ImporterId == rows[flipped].Record.ImporterId && before.Folds[i] != before.Folds[flipped]);
            Assert.All(sameImporterElsewhere, i => Assert.NotEqual(before.Features[i][ImporterRate], after.Features[i][ImporterRate]));
        }
    }

    [Fact]
    public void FoldsAreDeterministicForASeedAndBalanced()
    {
        var rows = Rows();

        var first = FeatureEncoder.FitOutOfFold(rows, 5, 11, 10);
        var second = FeatureEncoder.FitOutOfFold(rows, 5, 11, 10);
        var other = FeatureEncoder.FitOutOfFold(rows, 5, 12, 10);

        Assert.Equal(first.Folds, second.Folds);
        Assert.NotEqual(first.Folds, other.Folds);
        Assert.All(first.Folds.CountBy(f => f), pair => Assert.Equal(60, pair.Value));
    }

    [Fact]
    public void FrozenEncodingUsesTheWholeTrainingSetAndThePriorForUnseenKeys()
    {
        var rows = Rows();
        var encoder = FeatureEncoder.Fit(rows, smoothing: 10);
        var features = new float[FeatureEncoder.FeatureCount];

        var seen = rows.First(r => r.Record.ImporterId == "IMP11").Record;
        var stats = encoder.HistoryOf(History.Importer, seen);
        encoder.Encode(seen, features);
        Assert.Equal(25, stats.Count);
        Assert.Equal((float)((stats.Fraud + 10 * encoder.FraudPrior) / (25 + 10)), features[ImporterRate]);
        Assert.Equal((float)Math.Log(26), features[ImporterCount], 5);

        encoder.Encode(seen with { ImporterId = "NEVER-SEEN" }, features);
        Assert.Equal((float)encoder.FraudPrior, features[ImporterRate]);
        Assert.Equal(0f, features[ImporterCount]);
    }

    [Fact]
    public void ValuePerKgIsComparedWithTheMedianOfItsHsCode()
    {
        var rows = Rows();
        var encoder = FeatureEncoder.Fit(rows, smoothing: 10);
        var features = new float[FeatureEncoder.FeatureCount];
        var deviation = FeatureEncoder.FeatureNames.ToList().IndexOf("value_per_kg_vs_hs_median");
        var record = rows[0].Record;
        var (usual, hs) = encoder.UsualValuePerKg(record);

        encoder.Encode(record with { ItemPrice = usual * 10 * 0.5 - 1, NetMass = 10 }, features);

        Assert.Equal(record.Hs6, hs);
        Assert.Equal(Math.Log(0.5), features[deviation], 4);
    }
}
