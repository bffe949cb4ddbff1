using System.Text.RegularExpressions;

namespace SmartCustoms.Cli.Tests.Keys;

public sealed partial class KeysCommandsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task CreatesATraderKeyThatTheListShowsWithoutItsSecret()
    {
        var created = await CliRun.StartAsync("keys", "create", "--role", "trader", "--party", "GB553202734852", "--name", "Example Imports [ops]", "--data-dir", _folder.Path);
        var secret = SecretPattern().Match(created.Output).Value;
        var id = KeyIdPattern().Match(created.Output).Value;

        var listed = await CliRun.StartAsync("keys", "list", "--data-dir", _folder.Path);

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.NotEmpty(secret);
        Assert.NotEmpty(id);
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Matches($@"{Regex.Escape(id)}\s*│\s*trader\s*│\s*GB553202734852\s*│\s*Example Imports \[ops\]", listed.Output);
        Assert.DoesNotContain(secret, listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("sck_", listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesATraderKeyWithoutAPartyNamingTheOption()
    {
        var run = await CliRun.StartAsync("keys", "create", "--role", "trader", "--data-dir", _folder.Path);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("--party", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("sck_", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAnUnknownRole()
    {
        var run = await CliRun.StartAsync("keys", "create", "--role", "superuser", "--data-dir", _folder.Path);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("--role: Role must be one of trader, officer, analyst, admin, carrier.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListsNoKeysInANewDataFolderWhichItMigratesFirst()
    {
        var dataDirectory = Path.Combine(_folder.Path, "fresh");

        var run = await CliRun.StartAsync("keys", "list", "--data-dir", dataDirectory);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("No API keys yet", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dataDirectory, "smartcustoms.db")));
    }

    [Fact]
    public async Task AsksForAConnectionStringWhenPostgresIsChosenWithoutOne()
    {
        var run = await CliRun.StartAsync("keys", "list", "--provider", "postgres", "--connection", "");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("SMARTCUSTOMS_CONNECTION", run.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"sck_[A-Za-z0-9_-]+")]
    private static partial Regex SecretPattern();

    [GeneratedRegex(@"key_[A-Za-z0-9_-]+")]
    private static partial Regex KeyIdPattern();
}
