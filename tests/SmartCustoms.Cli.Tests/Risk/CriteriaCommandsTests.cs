using System.Text.Json;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Storage;

namespace SmartCustoms.Cli.Tests.Risk;

public sealed class CriteriaCommandsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ImportsTheShippedExamplesAndExportsThemBackAsAFileImportReads()
    {
        var examples = ExampleCriteria.Load();
        var file = _folder.Write("criteria.json", CriteriaFile.Write(examples));
        var exported = Path.Combine(_folder.Path, "exported.json");

        var import = await CliRun.StartAsync("criteria", "import", file, "--data-dir", _folder.Path);
        var again = await CliRun.StartAsync("criteria", "import", file, "--data-dir", _folder.Path);
        var export = await CliRun.StartAsync("criteria", "export", exported, "--data-dir", _folder.Path);

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains($"Imported {examples.Count} criteria ({examples.Count} new).", import.Output, StringComparison.Ordinal);
        Assert.Contains($"{examples[0].Id}: version 2", again.Output, StringComparison.Ordinal);
        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Contains($"Exported {examples.Count} criteria to {exported}.", export.Output, StringComparison.Ordinal);
        var back = CriteriaFile.Check(await File.ReadAllTextAsync(exported, TestContext.Current.CancellationToken)).Value;
        Assert.Equal(examples.Select(e => e.Id).Order(StringComparer.Ordinal), back.Select(b => b.Id));
        Assert.Equal(
            JsonSerializer.Serialize(examples.OrderBy(e => e.Id, StringComparer.Ordinal), CriterionJson.Options),
            JsonSerializer.Serialize(back, CriterionJson.Options));
    }

    [Fact]
    public async Task RefusesASetWithOneBadCriterionNamingItsPointerAndStoresNone()
    {
        var examples = ExampleCriteria.Load();
        var broken = JsonSerializer.Serialize(examples.Select((e, i) => i == 2 ? e with { Weight = 5000m } : e).Append(examples[0]), CriterionJson.Options);
        var file = _folder.Write("criteria.json", broken);

        var run = await CliRun.StartAsync("criteria", "import", file, "--data-dir", _folder.Path);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("criteria " + file + ": /2/weight: weight 5000 must be between 0 and 1000. [weight.out-of-range]", run.Error, StringComparison.Ordinal);
        Assert.Contains($"/{examples.Count}/id: Criterion '{examples[0].Id}' appears twice, here and at /0: keep one. [criteria.duplicate-id]", run.Error, StringComparison.Ordinal);
        Assert.Contains("no criterion was stored.", run.Error, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task SaysWhenTheFileCannotBeRead()
    {
        var run = await CliRun.StartAsync("criteria", "import", Path.Combine(_folder.Path, "missing.json"), "--data-dir", _folder.Path);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("cannot be read", run.Error, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<Storage.Risk.StoredCriterion>> StoredAsync()
    {
        var database = StorageFactory.Create(new StorageOptions { DataDirectory = _folder.Path });
        await using (database)
        {
            await database.MigrateAsync(TestContext.Current.CancellationToken);
            return await database.Risk.ListCurrentAsync(true, TestContext.Current.CancellationToken);
        }
    }
}
