using System.Text.Json;

namespace SmartCustoms.Cli.Tests.Edifact;

public sealed class EdifactCommandTests
{
    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "Edifact", "Samples", name);

    [Fact]
    public async Task TheCoprarWithAWrongUntCountIsRefusedWithOneStderrLineNamingThePosition()
    {
        var run = await CliRun.StartAsync("edifact", "parse", Sample("coprar/d95b_coprar.edi"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Output);
        var error = Assert.Single(run.Error.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.EndsWith("segment 29 (UNT) element 1, line 29, byte 648: edifact.unt.count: UNT says 56 segments; there are 29 from UNH at segment 1 (UNH), line 1, byte 0 to UNT.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCodecoPrintsItsGateInContainerAsJsonWithEnvelopeSegmentsAndTypedView()
    {
        var run = await CliRun.StartAsync("edifact", "parse", Sample("codeco/codeco_eshuv_extracted.edi"), "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("UNOA", root.GetProperty("syntax").GetProperty("identifier").GetString());
        Assert.Equal("174749339", root.GetProperty("controlReference").GetString());
        var message = Assert.Single(root.GetProperty("messages").EnumerateArray());
        Assert.Equal("CODECO", message.GetProperty("type").GetString());
        Assert.Equal(22, message.GetProperty("segments").GetArrayLength());
        var eqd = message.GetProperty("segments")[6];
        Assert.Equal("EQD", eqd.GetProperty("tag").GetString());
        Assert.Equal("4EG1", eqd.GetProperty("elements")[2][0].GetString());
        var box = Assert.Single(message.GetProperty("containers").GetProperty("containers").EnumerateArray());
        Assert.Equal(("TESI1120274", "notIso6346", "993NGR", "88200"),
            (box.GetProperty("number").GetString(), box.GetProperty("check").GetString(), box.GetProperty("truckPlate").GetString(),
             box.GetProperty("seals")[0].GetProperty("number").GetString()));
        Assert.Contains(root.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "edifact.container.number");
        Assert.Contains("warning:", run.Error, StringComparison.Ordinal);
        Assert.Contains("check digit would be 7", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBayPlanPrintsOneLinePerCell()
    {
        var run = await CliRun.StartAsync("edifact", "parse", Sample("baplie/D95BBAPLIE.edi"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("cell 0780690: OOLU4293959 (ISO 6346 valid) 4200 empty 3833 kg to CNYTN", run.Output, StringComparison.Ordinal);
        Assert.Contains("cell 0100114: OOLU8757889 (ISO 6346 valid) 4500 full 26000 kg to TWKHH", run.Output, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task LenientCountsReadACargoReportWhoseUnhNamesNoTypeAsTheTypeGiven()
    {
        var run = await CliRun.StartAsync("edifact", "parse", Sample("cuscar/edifact.D95B.CUSCAR.EDI"), "--lenient-counts", "--as", "cuscar");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("consignment 1 MSCUXP080935 IEDUB -> EGEDK: 3 item(s), containers FCIU5956299,TCLU5546482,TGCU0235724", run.Output, StringComparison.Ordinal);
        Assert.Contains("warning:", run.Error, StringComparison.Ordinal);
        Assert.Contains("UNT says 53 segments; there are 52", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingFileIsAUsageError()
    {
        var run = await CliRun.StartAsync("edifact", "parse", Path.Combine(AppContext.BaseDirectory, "no-such.edi"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EverySampleGivesExitZeroOrOneAndEveryStderrLineNamesASegmentPosition()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Edifact", "Samples");
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f).ToUpperInvariant() is ".EDI" or ".TXT" && !Path.GetFileName(f).StartsWith("LICENSE", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(14, files.Count);

        foreach (var file in files)
        {
            var run = await CliRun.StartAsync("edifact", "parse", file, "--json");

            Assert.True(run.ExitCode is 0 or 1, run.ToString());
            Assert.All(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line =>
                Assert.Matches(@"^(error|warning): .+: segment \d+ \(([A-Z0-9]{3}|\?)\)( element \d+)?, line \d+, byte \d+: edifact\.[a-z.-]+: .+$", line));
            if (run.ExitCode == 0)
            {
                using var json = JsonDocument.Parse(run.Output);
                Assert.True(json.RootElement.GetProperty("messages").GetArrayLength() > 0, file);
            }
        }
    }
}
