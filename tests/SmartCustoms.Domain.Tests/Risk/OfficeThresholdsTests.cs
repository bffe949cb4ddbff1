using SmartCustoms.Domain.Risk;

namespace SmartCustoms.Domain.Tests.Risk;

public sealed class OfficeThresholdsTests
{
    private static readonly LaneSettings Settings = new() { Office = "GB000040", RedRate = 0.1, YellowRate = 0.1, BlueRate = 0.1, Window = 200 };

    [Fact]
    public void KeepsThresholdsUntilEnoughNewScoresOrOtherSettingsArrive()
    {
        var office = new OfficeThresholds();
        office.Reload([.. Enumerable.Range(1, 200).Select(i => (decimal)i).Reverse()]);
        var first = office.For(Settings);

        for (var i = 1; i < OfficeThresholds.RefreshEvery; i++)
        {
            office.Add(500m + i);
        }

        var kept = office.For(Settings);
        office.Add(500m + OfficeThresholds.RefreshEvery);
        var refreshed = office.For(Settings);
        var otherSettings = office.For(Settings with { RedRate = 0.5 });

        Assert.Equal((181m, 200), (first.Red, first.Observations));
        Assert.Same(first, kept);
        // The 20 highest of the latest 200: 564 down to 545.
        Assert.Equal(545m, refreshed.Red);
        Assert.NotEqual(refreshed.Red, otherSettings.Red);
    }
}
