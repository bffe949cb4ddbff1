using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartCustoms.Cli.Assess;

namespace SmartCustoms.Cli.Tests.Assess;

public sealed class AssessCommandTests(GeneratedDeclarations declarations) : IClassFixture<GeneratedDeclarations>, IDisposable
{
    private static readonly string[] Lanes = ["red", "yellow", "blue", "green", "invalid"];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task WritesOneRowPerDeclarationWithTheExampleCriteriaAndDefaultLanes()
    {
        var results = Path.Combine(_folder.Path, "results.csv");

        var run = await CliRun.StartAsync("assess", "--in", declarations.Path, "--out", results);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(AssessResults.Header, File.ReadLines(results).First());
        var rows = ResultsCsv.Read(results);
        Assert.Equal(GeneratedDeclarations.Count, rows.Count);
        var lrns = File.ReadLines(declarations.Path).Select(l => JsonNode.Parse(l)!["lrn"]!.GetValue<string>());
        Assert.Equal(lrns, rows.Select(r => r["lrn"]));
        Assert.All(rows, r => Assert.Contains(r["lane"], Lanes));
        Assert.All(rows.Where(r => r["lane"] == "green"), r => Assert.Equal("", r["reasons"]));
        Assert.All(rows.Where(r => r["lane"] != "green"), r => Assert.NotEqual("", r["reasons"]));
        Assert.All(rows.Where(r => r["hits"].Length > 0), r => Assert.True(decimal.Parse(r["score"], CultureInfo.InvariantCulture) > 0m, r["lrn"]));
        Assert.Equal(0, rows.Count(r => r["lane"] == "invalid"));
        // The example criteria hit only a few declarations, so lanes take at most their shares (15%) plus the random 1%.
        var selected = rows.Count(r => r["lane"] is "red" or "yellow" or "blue");
        Assert.InRange(selected, 1, (int)(GeneratedDeclarations.Count * (0.15 + 0.01 + 0.03)));
        var red = rows.Count(r => r["lane"] == "red");
        Assert.Matches($@"red\s+{red} \(", run.Output);
        Assert.Matches($@"random selections {rows.Count(r => r["random"] == "true")}\r?\n", run.Output);
        Assert.Contains($"Assessed {GeneratedDeclarations.Count} declarations (seed 1)", run.Output, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task LanesTakeCloseToTheirDefaultSharesWhenScoresSpread()
    {
        var criteria = _folder.Write("spread.json", GeneratedDeclarations.SpreadCriteria());
        var results = Path.Combine(_folder.Path, "results.csv");

        var run = await CliRun.StartAsync("assess", "--criteria", criteria, "--in", declarations.Path, "--out", results);

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = ResultsCsv.Read(results);
        double Share(Func<Dictionary<string, string>, bool> which) => (double)rows.Count(which) / rows.Count;
        var random = Share(r => r["random"] == "true");
        Assert.InRange(random, 0.003, 0.02);
        Assert.InRange(Share(r => r["lane"] is "red" or "yellow" or "blue"), 0.15 - 0.04, 0.15 + random + 0.04);
        Assert.InRange(Share(r => r["lane"] == "red"), 0.03 - 0.015, 0.03 + random + 0.02);
        Assert.All(rows.Where(r => r["lane"] == "red" && r["random"] == "false"), r => Assert.Contains("reaches the red threshold", r["reasons"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSameSeedGivesTheSameResultsAndAnotherSeedAnotherRandomSample()
    {
        var first = Path.Combine(_folder.Path, "first.csv");
        var second = Path.Combine(_folder.Path, "second.csv");
        var other = Path.Combine(_folder.Path, "other.csv");

        await CliRun.StartAsync("assess", "--in", declarations.Path, "--out", first, "--seed", "3");
        await CliRun.StartAsync("assess", "--in", declarations.Path, "--out", second, "--seed", "3");
        await CliRun.StartAsync("assess", "--in", declarations.Path, "--out", other, "--seed", "4");

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        var randomFirst = ResultsCsv.Read(first).Select(r => r["random"]);
        var randomOther = ResultsCsv.Read(other).Select(r => r["random"]);
        Assert.NotEqual(randomFirst, randomOther);
    }

    [Fact]
    public async Task RefusesCriteriaWithErrorsNamingEachCriterionAndPointer()
    {
        var criteria = _folder.Write("bad.json", """
            [
              { "id": "fine", "name": "Fine", "weight": 10, "when": { "field": "hsCode", "op": "startsWith", "value": "24" } },
              { "id": "too-heavy", "weight": 5000, "when": { "field": "hsCode", "op": "startsWith", "value": "24" } }
            ]
            """);
        var results = Path.Combine(_folder.Path, "results.csv");

        var run = await CliRun.StartAsync("assess", "--criteria", criteria, "--in", declarations.Path, "--out", results);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("criterion 1 (too-heavy): /1/weight:", run.Error, StringComparison.Ordinal);
        Assert.Contains("criterion 1 (too-heavy): /1/name:", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("fine", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(results));
    }

    [Fact]
    public async Task RefusesCriteriaThatAreNotJsonWithThePointer()
    {
        var criteria = _folder.Write("bad.json", """[ { "id": "x", "weight": "heavy" } ]""");

        var run = await CliRun.StartAsync("assess", "--criteria", criteria, "--in", declarations.Path, "--out", Path.Combine(_folder.Path, "r.csv"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("/0/weight", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("5")]
    public async Task SeveralThreadsWriteTheSameResultsInTheSameOrderAsOne(string threads)
    {
        // Unreadable, invalid and blank lines among the declarations, at both ends and across chunk boundaries.
        var lines = File.ReadLines(declarations.Path).ToList();
        var invalid = JsonNode.Parse(lines[700])!;
        invalid["items"] = new JsonArray();
        lines[700] = invalid.ToJsonString();
        lines.Insert(AssessPipeline.ChunkLines, "{\"lrn\": this is not json");
        lines.Insert(0, "not json either");
        lines.Insert(1500, "");
        lines.Add("[]");
        var input = _folder.Write("mixed.jsonl", string.Join('\n', lines) + "\n");
        var criteria = _folder.Write("spread.json", GeneratedDeclarations.SpreadCriteria());
        var one = Path.Combine(_folder.Path, "one.csv");
        var several = Path.Combine(_folder.Path, "several.csv");

        var sequential = await CliRun.StartAsync("assess", "--criteria", criteria, "--in", input, "--out", one, "--seed", "5", "--threads", "1");
        var parallel = await CliRun.StartAsync("assess", "--criteria", criteria, "--in", input, "--out", several, "--seed", "5", "--threads", threads);

        Assert.True(sequential.ExitCode == 0, sequential.ToString());
        Assert.True(parallel.ExitCode == 0, parallel.ToString());
        Assert.Equal(File.ReadAllText(one), File.ReadAllText(several));
        var rows = ResultsCsv.Read(several);
        Assert.Equal(GeneratedDeclarations.Count, rows.Count);
        Assert.Equal(1, rows.Count(r => r["lane"] == "invalid"));
        Assert.Contains(rows, r => r["lane"] == "red");
        // The same unreadable lines by number, and the same summary but for the time taken and the results file's name.
        Assert.Equal(sequential.Error, parallel.Error);
        Assert.Contains("line 1:", parallel.Error, StringComparison.Ordinal);
        Assert.Contains($"line {AssessPipeline.ChunkLines + 2}:", parallel.Error, StringComparison.Ordinal);
        static string Summary(string output) => string.Join('\n', output.Split('\n').Skip(2));
        Assert.Equal(Summary(sequential.Output), Summary(parallel.Output));
        Assert.Matches(@"unreadable lines\s+3\r?\n", parallel.Output);
        Assert.Contains($"{threads} threads)", parallel.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesFewerThanOneThread()
    {
        var run = await CliRun.StartAsync("assess", "--in", declarations.Path, "--out", Path.Combine(_folder.Path, "r.csv"), "--threads", "0");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--threads must be at least 1.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportsAnUnreadableLineByNumberAndAssessesTheRest()
    {
        var lines = File.ReadLines(declarations.Path).Take(5).ToList();
        lines.Insert(3, "{\"lrn\": this is not json");
        var input = _folder.Write("some.jsonl", string.Join('\n', lines) + "\n");
        var results = Path.Combine(_folder.Path, "results.csv");

        var run = await CliRun.StartAsync("assess", "--in", input, "--out", results);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("line 4:", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("line 5:", run.Error, StringComparison.Ordinal);
        Assert.Equal(5, ResultsCsv.Read(results).Count);
        Assert.Matches(@"unreadable lines\s+1\r?\n", run.Output);
    }

    [Fact]
    public async Task MarksAnInvalidDeclarationWithItsErrorCodes()
    {
        var lines = File.ReadLines(declarations.Path).Take(3).ToList();
        var broken = JsonNode.Parse(lines[1])!;
        broken["items"] = new JsonArray();
        lines[1] = broken.ToJsonString();
        var input = _folder.Write("some.jsonl", string.Join('\n', lines));
        var results = Path.Combine(_folder.Path, "results.csv");

        var run = await CliRun.StartAsync("assess", "--in", input, "--out", results);

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = ResultsCsv.Read(results);
        Assert.Equal(3, rows.Count);
        Assert.Equal("invalid", rows[1]["lane"]);
        Assert.NotEqual("invalid", rows[0]["lane"]);
        Assert.NotEqual("invalid", rows[2]["lane"]);
        Assert.Equal(broken["lrn"]!.GetValue<string>(), rows[1]["lrn"]);
        Assert.NotEqual("", rows[1]["reasons"]);
        Assert.DoesNotContain(" ", rows[1]["reasons"].Replace(" | ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Matches(@"invalid\s+1 \(", run.Output);
    }

    [Fact]
    public async Task AppliesLaneSettingsFromAFile()
    {
        var offices = ResultsCsv.Read(await AssessDefaultsAsync()).Select(r => r["office"]).Distinct(StringComparer.Ordinal);
        var lanes = _folder.Write("lanes.json", JsonSerializer.Serialize(offices.Select(o => new { office = o, redRate = 0.10, minRandomRate = 0.0 })));
        var criteria = _folder.Write("spread.json", GeneratedDeclarations.SpreadCriteria());
        var results = Path.Combine(_folder.Path, "results.csv");

        var run = await CliRun.StartAsync("assess", "--criteria", criteria, "--lanes", lanes, "--in", declarations.Path, "--out", results);

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = ResultsCsv.Read(results);
        Assert.DoesNotContain(rows, r => r["random"] == "true");
        Assert.InRange((double)rows.Count(r => r["lane"] == "red") / rows.Count, 0.07, 0.13);
    }

    [Theory]
    [InlineData("""{ "office": "XX000001", "redRate": 1.5 }""", "/redRate")]
    [InlineData("""[ { "office": "XX000001" }, { "office": "x" } ]""", "/1/office")]
    [InlineData("""{ "office": "XX000001", "speed": 3 }""", "speed")]
    public async Task RefusesLaneSettingsThatDoNotValidate(string json, string pointer)
    {
        var lanes = _folder.Write("lanes.json", json);

        var run = await CliRun.StartAsync("assess", "--lanes", lanes, "--in", declarations.Path, "--out", Path.Combine(_folder.Path, "r.csv"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(pointer, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequiresTheInputFile()
    {
        var run = await CliRun.StartAsync("assess", "--out", Path.Combine(_folder.Path, "r.csv"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--in", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAnInputFileThatDoesNotExist()
    {
        var run = await CliRun.StartAsync("assess", "--in", Path.Combine(_folder.Path, "none.jsonl"), "--out", Path.Combine(_folder.Path, "r.csv"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("none.jsonl", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void QuotesCsvFieldsThatNeedIt(string field, string written) => Assert.Equal(written, AssessResults.Escape(field));

    private async Task<string> AssessDefaultsAsync()
    {
        var results = Path.Combine(_folder.Path, "defaults.csv");
        var run = await CliRun.StartAsync("assess", "--in", declarations.Path, "--out", results);
        Assert.True(run.ExitCode == 0, run.ToString());
        return results;
    }
}
