using System.Text.Json.Nodes;

namespace SmartCustoms.Cli.Tests.Model;

/// <summary>The first rows of each KCS sample file: enough to train and evaluate quickly through the commands.</summary>
public sealed class FraudSamples : IDisposable
{
    private readonly TempFolder _folder = new();

    public FraudSamples()
    {
        Train = Head("kcs-train.csv", 4000);
        Valid = Head("kcs-valid.csv", 1500);
    }

    public string Train { get; }
    public string Valid { get; }

    private string Head(string name, int rows) =>
        _folder.Write(name, string.Join('\n', File.ReadLines(Path.Combine(AppContext.BaseDirectory, "fraud", name)).Take(rows + 1)) + "\n");

    public void Dispose() => _folder.Dispose();
}

public sealed class ModelCommandsTests(FraudSamples samples) : IClassFixture<FraudSamples>, IDisposable
{
    private static readonly string[] MetricKeys =
        ["precisionAt1", "precisionAt2", "precisionAt5", "precisionAt10", "recallAt1", "recallAt2", "recallAt5", "recallAt10", "auc"];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task TrainWritesAModelAndEvaluateReportsItsMetricsAsOneJsonObject()
    {
        var model = Path.Combine(_folder.Path, "model.zip");

        var train = await CliRun.StartAsync("model", "train", "--data", samples.Train, "--out", model, "--seed", "3", "--validation", samples.Valid);

        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.True(File.Exists(model));
        Assert.Contains("Trained on 4000 declarations (2020-01-01 .. ", train.Output, StringComparison.Ordinal);
        Assert.Contains("seed 3", train.Output, StringComparison.Ordinal);
        Assert.Contains("Evaluated on 1500 declarations", train.Output, StringComparison.Ordinal);
        Assert.Matches(@"fraud\s+[01]\.\d{3}", train.Output);
        Assert.Equal("", train.Error);

        var evaluate = await CliRun.StartAsync("model", "evaluate", "--model", model, "--data", samples.Valid, "--json");

        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        var json = JsonNode.Parse(evaluate.Output)!.AsObject();
        Assert.Equal([.. MetricKeys, "critical"], json.Select(p => p.Key));
        Assert.Equal(MetricKeys, json["critical"]!.AsObject().Select(p => p.Key));
        Assert.All(MetricKeys, key => Assert.InRange(json[key]!.GetValue<double>(), 0.0, 1.0));
        // Forty days of training data still rank far better than the 21% fraud rate of random selection.
        Assert.True(json["precisionAt5"]!.GetValue<double>() > 0.35, evaluate.Output);
        Assert.Single(evaluate.Output.Trim().Split('\n'));

        var table = await CliRun.StartAsync("model", "evaluate", "--model", model, "--data", samples.Valid);
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("P@5%", table.Output, StringComparison.Ordinal);
        Assert.Matches(@"critical\s+[01]\.\d{3}", table.Output);
    }

    [Fact]
    public async Task SeveralDataFilesAreTrainedOnTogether()
    {
        var model = Path.Combine(_folder.Path, "model.zip");

        var run = await CliRun.StartAsync("model", "train", "--data", samples.Train, "--data", samples.Valid, "--out", model);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Trained on 5500 declarations (2020-01-01 .. 2021-", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingOrMalformedInputsExitWithTwoAndSayWhy()
    {
        var model = Path.Combine(_folder.Path, "model.zip");
        var missing = Path.Combine(_folder.Path, "nope.csv");

        var noData = await CliRun.StartAsync("model", "train", "--data", missing, "--out", model);
        Assert.Equal(2, noData.ExitCode);
        Assert.Contains($"cannot read {missing}: no such file.", noData.Error, StringComparison.Ordinal);

        var lines = File.ReadLines(samples.Valid).Take(5).ToList();
        lines[3] = lines[3].Replace(",0,0", ",2,0", StringComparison.Ordinal).Replace(",1,0", ",2,0", StringComparison.Ordinal);
        var bad = _folder.Write("bad.csv", string.Join('\n', lines));
        var malformed = await CliRun.StartAsync("model", "train", "--data", bad, "--out", model);
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains($"{bad}, line 4, column 'Fraud'", malformed.Error, StringComparison.Ordinal);

        var noFolder = await CliRun.StartAsync("model", "train", "--data", samples.Train, "--out", Path.Combine(_folder.Path, "no", "model.zip"));
        Assert.Equal(2, noFolder.ExitCode);
        Assert.Contains("does not exist", noFolder.Error, StringComparison.Ordinal);

        var corrupt = _folder.Write("corrupt.zip", "this is not a model");
        var notModel = await CliRun.StartAsync("model", "evaluate", "--model", corrupt, "--data", samples.Valid);
        Assert.Equal(2, notModel.ExitCode);
        Assert.Contains($"cannot load {corrupt}: not a readable SmartCustoms fraud model", notModel.Error, StringComparison.Ordinal);

        var noModel = await CliRun.StartAsync("model", "evaluate", "--model", Path.Combine(_folder.Path, "none.zip"), "--data", samples.Valid);
        Assert.Equal(2, noModel.ExitCode);

        var usage = await CliRun.StartAsync("model", "evaluate", "--data", samples.Valid);
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("--model", usage.Error, StringComparison.Ordinal);
    }
}
