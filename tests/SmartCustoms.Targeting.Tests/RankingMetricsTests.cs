namespace SmartCustoms.Targeting.Tests;

public sealed class RankingMetricsTests
{
    [Fact]
    public void PrecisionAndRecallAtTheTopPercentagesMatchAHandCount()
    {
        // 100 declarations scored 100, 99, ..., 1: the top n% is exactly the first n of them.
        int[] fraudAt = [0, 2, 3, 6, 9, 15, 50];
        var scores = Enumerable.Range(0, 100).Select(i => (float)(100 - i)).ToArray();
        var labels = Enumerable.Range(0, 100).Select(fraudAt.Contains).ToArray();

        var metrics = RankingMetrics.Compute(scores, labels);

        Assert.Equal(1.0, metrics.PrecisionAt1);       // {0}
        Assert.Equal(0.5, metrics.PrecisionAt2);       // {0, 1}
        Assert.Equal(3 / 5.0, metrics.PrecisionAt5);   // 0, 2, 3
        Assert.Equal(5 / 10.0, metrics.PrecisionAt10); // 0, 2, 3, 6, 9
        Assert.Equal(1 / 7.0, metrics.RecallAt1, 12);
        Assert.Equal(1 / 7.0, metrics.RecallAt2, 12);
        Assert.Equal(3 / 7.0, metrics.RecallAt5, 12);
        Assert.Equal(5 / 7.0, metrics.RecallAt10, 12);
        Assert.Equal(7, metrics.Positives);
    }

    [Fact]
    public void TheTopIsRoundedUpToAtLeastOneDeclaration()
    {
        // 30 declarations: 1% and 2% are one declaration, 5% two (1.5 up), 10% three.
        var scores = Enumerable.Range(0, 30).Select(i => (float)(30 - i)).ToArray();
        var labels = Enumerable.Range(0, 30).Select(i => i == 1).ToArray();

        var metrics = RankingMetrics.Compute(scores, labels);

        Assert.Equal(0.0, metrics.PrecisionAt1);
        Assert.Equal(0.0, metrics.PrecisionAt2);
        Assert.Equal(0.5, metrics.PrecisionAt5);
        Assert.Equal(1 / 3.0, metrics.PrecisionAt10, 12);
        Assert.Equal(1.0, metrics.RecallAt5);
    }

    [Fact]
    public void AucCountsOrderedPairs()
    {
        // Pairs (positive, negative): 0.35>0.1 yes, 0.35>0.4 no, 0.8 beats both: 3 of 4.
        var metrics = RankingMetrics.Compute([0.1f, 0.4f, 0.35f, 0.8f], [false, false, true, true]);

        Assert.Equal(0.75, metrics.Auc);
    }

    [Fact]
    public void TiedScoresShareTheirAverageRankInTheAuc()
    {
        // 0.9 beats both negatives (2); the positive tied at 0.5 with both negatives counts half each (1): 3 of 4.
        var metrics = RankingMetrics.Compute([0.5f, 0.5f, 0.5f, 0.9f], [true, false, false, true]);

        Assert.Equal(0.75, metrics.Auc);
        Assert.Equal(0.5, RankingMetrics.Compute([0.3f, 0.3f, 0.3f, 0.3f], [true, false, true, false]).Auc);
    }

    [Fact]
    public void AucIsUndefinedWithOneClassAndInputsMustAgree()
    {
        Assert.Null(RankingMetrics.Compute([0.1f, 0.2f], [true, true]).Auc);
        Assert.Throws<ArgumentException>(() => RankingMetrics.Compute([0.1f], [true, false]));
        Assert.Throws<ArgumentException>(() => RankingMetrics.Compute([], []));
        Assert.Throws<ArgumentException>(() => RankingMetrics.Compute([float.NaN], [true]));
    }
}
