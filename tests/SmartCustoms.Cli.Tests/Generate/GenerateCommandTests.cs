using System.Globalization;
using System.Text;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.ReferenceData;
using SmartCustoms.Domain.Synthetic;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Cli.Tests.Generate;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task WritesOneValidDeclarationPerLineAndTheLabelsBesideIt()
    {
        var output = Path.Combine(_folder.Path, "demo.jsonl");

        var run = await CliRun.StartAsync("generate", "--count", "300", "--out", output, "--seed", "5");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = File.ReadAllLines(output);
        var labels = File.ReadAllLines(Path.Combine(_folder.Path, "demo.labels.csv"));
        Assert.Equal(300, lines.Length);
        Assert.Equal("lrn,date,fraudPattern", labels[0]);
        Assert.Equal(300, labels.Length - 1);
        var context = new ValidationContext { Catalog = ReferenceCatalog.Default, Now = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero) };
        foreach (var (line, label) in lines.Zip(labels.Skip(1)))
        {
            var document = DeclarationDocument.Read(Encoding.UTF8.GetBytes(line), DeclarationFormat.Json);
            Assert.Empty(document.Issues);
            Assert.True(DeclarationValidator.Validate(document.Declaration!, context).IsValid, line);
            Assert.StartsWith(document.Declaration!.Lrn + ",", label, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SummarisesWhatTheFilesHold()
    {
        var output = Path.Combine(_folder.Path, "demo.jsonl");

        var run = await CliRun.StartAsync("generate", "--count", "2000", "--out", output, "--fraud-share", "0.1");

        Assert.True(run.ExitCode == 0, run.ToString());
        var labels = File.ReadAllLines(SyntheticLabelsPath(output)).Skip(1).Select(l => l.Split(',')[2]).ToList();
        var imports = File.ReadLines(output).Count(l => l.StartsWith("{\"type\":\"IM", StringComparison.Ordinal));
        Assert.Contains("Generated 2000 declarations", run.Output, StringComparison.Ordinal);
        Assert.Matches($@"imports\s+{imports}\r?\n", run.Output);
        Assert.Matches($@"exports\s+{2000 - imports}\r?\n", run.Output);
        Assert.Matches($@"planted fraud {labels.Count(l => l.Length > 0)} \(", run.Output);
        Assert.All(FraudPatterns.All, p => Assert.Matches($@"{p}\s+{labels.Count(l => l == p)}\r?\n", run.Output));
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task TheSameSeedWritesTheSameFiles()
    {
        var first = Path.Combine(_folder.Path, "first.jsonl");
        var second = Path.Combine(_folder.Path, "second.jsonl");

        await CliRun.StartAsync("generate", "--count", "200", "--out", first, "--seed", "9", "--start", "2026-02-01", "--days", "10");
        await CliRun.StartAsync("generate", "--count", "200", "--out", second, "--seed", "9", "--start", "2026-02-01", "--days", "10");

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.Equal(File.ReadAllBytes(SyntheticLabelsPath(first)), File.ReadAllBytes(SyntheticLabelsPath(second)));
        Assert.All(File.ReadLines(SyntheticLabelsPath(first)).Skip(1), l => Assert.Matches(",2026-02-(0[1-9]|10),", l));
    }

    [Fact]
    public async Task AGeneratedLineLodgesAsItIs()
    {
        var output = Path.Combine(_folder.Path, "recent.jsonl");
        var lastWeek = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await CliRun.StartAsync("generate", "--count", "5", "--out", output, "--start", lastWeek, "--days", "3");
        var single = _folder.Write("one.json", File.ReadLines(output).First());

        var run = await CliRun.StartAsync("validate", single);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"{single}: OK", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "--count must be at least 1.")]
    [InlineData("-5", "--count must be at least 1.")]
    public async Task RefusesACountBelowOneWithoutWritingAnything(string count, string message)
    {
        var output = Path.Combine(_folder.Path, "none.jsonl");

        var run = await CliRun.StartAsync("generate", "--count", count, "--out", output);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task RefusesAPathThatCannotBeWritten()
    {
        var output = Path.Combine(_folder.Path, "no-such-folder", "demo.jsonl");

        var run = await CliRun.StartAsync("generate", "--count", "10", "--out", output);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"cannot write {output}", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAFolderAsTheOutputFile()
    {
        var run = await CliRun.StartAsync("generate", "--count", "10", "--out", _folder.Path);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("a folder, not a file", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--fraud-share", "1.5", "--fraud-share must be between 0 and 1.")]
    [InlineData("--start", "01/02/2026", "is not a date of the form yyyy-MM-dd")]
    [InlineData("--days", "0", "--days must be at least 1.")]
    [InlineData("--country", "gb", "two capital letters")]
    public async Task RefusesOptionsOutOfRange(string option, string value, string message)
    {
        var run = await CliRun.StartAsync("generate", "--count", "10", "--out", Path.Combine(_folder.Path, "x.jsonl"), option, value);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpSaysWhereTheLabelsGo()
    {
        var run = await CliRun.StartAsync("generate", "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("FILE.labels.csv", run.Output, StringComparison.Ordinal);
        Assert.Contains("lrn,date,fraudPattern", run.Output, StringComparison.Ordinal);
    }

    private static string SyntheticLabelsPath(string declarations) => Path.ChangeExtension(declarations, ".labels.csv");
}
