namespace SmartCustoms.Cli.Tests.Demo;

/// <summary><c>demo c2c</c> as a newcomer runs it: two real nodes on loopback, and SG's decisions with their reasons.</summary>
public class DemoTests
{
    [Fact]
    public async Task TheCustomsToCustomsDemoShowsAMirrorDiscrepancyAndARecognisedControlChangingLanes()
    {
        var run = await CliRun.StartAsync("demo", "c2c");

        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var first = Array.FindIndex(lines, l => l.StartsWith("Import 1:", StringComparison.Ordinal));
        var second = Array.FindIndex(lines, l => l.StartsWith("Import 2:", StringComparison.Ordinal));
        Assert.True(first > 0 && second > first, run.Output);
        Assert.EndsWith("RED lane", lines[first], StringComparison.Ordinal);
        Assert.Contains(lines[first..second], l => l.StartsWith("  - Declared value 41% below the value exported from CN on", StringComparison.Ordinal));
        Assert.EndsWith("GREEN lane", lines[second], StringComparison.Ordinal);
        Assert.Contains(lines[second..], l => l.StartsWith("  - Control recognised: CN inspected the goods at CNSHA001", StringComparison.Ordinal)
            && l.EndsWith("red lowered to green under the agreement with CN.", StringComparison.Ordinal));
        Assert.Equal(3, lines.Count(l => l.Contains("│ delivered │", StringComparison.Ordinal)));
    }
}
