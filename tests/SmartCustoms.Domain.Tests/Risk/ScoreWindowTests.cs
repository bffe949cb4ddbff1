using SmartCustoms.Domain.Risk;

namespace SmartCustoms.Domain.Tests.Risk;

public class ScoreWindowTests
{
    private static readonly LaneSettings Settings = new() { Office = "GB000040", Window = 10_000 };

    [Fact]
    public void ThresholdsKeepLaneRatesWithinOnePointOfTheExpectedOnes()
    {
        var random = new Random(20260302);
        var window = new ScoreWindow(10_000);
        for (var i = 0; i < 10_000; i++)
        {
            window.Add(Score(random));
        }

        var thresholds = window.Compute(Settings);
        var lanes = new int[4];
        for (var i = 0; i < 10_000; i++)
        {
            lanes[(int)thresholds.LaneFor(Score(random))]++;
        }

        Assert.False(thresholds.Fallback);
        Assert.InRange(lanes[(int)Lane.Red] / 10_000.0, 0.02, 0.04);
        Assert.InRange(lanes[(int)Lane.Yellow] / 10_000.0, 0.06, 0.08);
        Assert.InRange(lanes[(int)Lane.Blue] / 10_000.0, 0.04, 0.06);
    }

    [Fact]
    public void SelectsOnlyDeclarationsScoringAboveZeroWhenTheyAreFewerThanTheExpectedShare()
    {
        var window = new ScoreWindow(1000);
        for (var i = 0; i < 1000; i++)
        {
            window.Add(i % 20 == 0 ? i : 0m);
        }

        var thresholds = window.Compute(Settings with { Window = 1000 });

        Assert.Equal((400m, 20m, 20m), (thresholds.Red, thresholds.Yellow, thresholds.Blue));
        Assert.Equal(Lane.Green, thresholds.LaneFor(0m));
    }

    [Fact]
    public void SelectsNobodyByScoreWhenEveryScoreIsZero()
    {
        var window = new ScoreWindow(100);
        for (var i = 0; i < 100; i++)
        {
            window.Add(0m);
        }

        Assert.Equal(new Thresholds(null, null, null, 100, false), window.Compute(Settings));
    }

    [Fact]
    public void PlacesACutAboveOrBelowTiedScoresWhicheverIsNearerTheExpectedShare()
    {
        var window = new ScoreWindow(1000);
        AddMany(window, 100m, 20);
        AddMany(window, 50m, 30);
        AddMany(window, 0m, 950);

        var thresholds = window.Compute(Settings with { Window = 1000 });

        Assert.Equal((100m, 50m, 50m), (thresholds.Red, thresholds.Yellow, thresholds.Blue));
    }

    [Theory]
    [InlineData(49, true)]
    [InlineData(50, false)]
    public void FallsBackToTheOfficesFixedThresholdsWithFewerThanFiftyScores(int count, bool fallback)
    {
        var window = new ScoreWindow();
        AddMany(window, 10m, count);

        var thresholds = window.Compute(Settings with { FallbackRed = 300m });

        Assert.Equal(fallback, thresholds.Fallback);
        Assert.Equal(count, thresholds.Observations);
        Assert.Equal(fallback, thresholds.Red == 300m);
    }

    [Fact]
    public void ComputesOverTheMostRecentScoresOnly()
    {
        var window = new ScoreWindow(2000);
        AddMany(window, 500m, 1000);
        AddMany(window, 0m, 1000);

        var thresholds = window.Compute(Settings with { Window = 1000 });

        Assert.Equal((null, 1000), (thresholds.Red, thresholds.Observations));
    }

    [Fact]
    public void ForgetsScoresOlderThanItsCapacity()
    {
        var window = new ScoreWindow(100);
        AddMany(window, 500m, 100);
        AddMany(window, 0m, 100);

        Assert.Equal((null, 100), (window.Compute(Settings).Red, window.Count));
    }

    // A third score nothing, as most declarations hit no criterion; the rest spread continuously.
    private static decimal Score(Random random) =>
        random.NextDouble() < 0.33 ? 0m : Math.Round((decimal)(random.NextDouble() * random.NextDouble() * 600), 2);

    private static void AddMany(ScoreWindow window, decimal score, int count)
    {
        for (var i = 0; i < count; i++)
        {
            window.Add(score);
        }
    }
}
