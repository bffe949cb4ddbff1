using System.Net;
using System.Net.Sockets;
using Npgsql;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Hosting;

/// <summary>A node that cannot start says why in one line on stderr, naming the setting, and exits with 1.</summary>
public sealed class StartupErrorTests
{
    private const string Password = "secret-pw-4711";

    [Theory]
    [InlineData("SmartCustoms:NodeId", "gbr", "SmartCustoms:NodeId")]
    [InlineData("SmartCustoms:Risk:RefreshSeconds", "often", "SmartCustoms:Risk:RefreshSeconds")]
    [InlineData("SmartCustoms:Storage:Provider", "mysql", "SmartCustoms:Storage:Provider")]
    public async Task AnInvalidSettingIsNamedInOneLine(string setting, string value, string named)
    {
        var run = await NodeProcess.RunUntilExitAsync(NewFolder(), new Dictionary<string, string> { [setting] = value });

        AssertOneLine(run, named);
    }

    [Theory]
    [InlineData($"Hots=127.0.0.1;Database=customs;Username=app;Password={Password}", "'hots'")]
    [InlineData($"Database=customs;Username=app;Password={Password}", "no Host")]
    [InlineData("", "is empty")]
    public async Task AWrongPostgresConnectionStringIsNamedWithoutItsPassword(string connectionString, string named)
    {
        var run = await NodeProcess.RunUntilExitAsync(NewFolder(), Postgres(connectionString));

        AssertOneLine(run, "ConnectionStrings:SmartCustoms");
        Assert.Contains(named, run.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnUnreachablePostgresIsNamedWithoutItsPassword()
    {
        var port = NodeProcess.FreePort();

        var run = await NodeProcess.RunUntilExitAsync(NewFolder(), Postgres($"Host=127.0.0.1;Port={port};Database=customs;Username=app;Password={Password};Timeout=5"));

        AssertOneLine(run, "ConnectionStrings:SmartCustoms");
        Assert.Contains("unreachable", run.Error, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADataFolderThatCannotBeWrittenIsNamedByItsPath()
    {
        // A folder below a plain file can be neither created nor written, even by root.
        var file = Path.Combine(Path.GetTempPath(), "sc-file-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(file, "not a folder", TestContext.Current.CancellationToken);
        var folder = Path.Combine(file, "data");

        var run = await NodeProcess.RunUntilExitAsync(folder);

        AssertOneLine(run, "SmartCustoms:DataDirectory");
        Assert.Contains(folder, run.Error, StringComparison.Ordinal);
        File.Delete(file);
    }

    [Fact]
    public async Task APortInUseIsNamedInOneLine()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var run = await NodeProcess.RunUntilExitAsync(NewFolder(), urls: $"http://127.0.0.1:{port}");

        AssertOneLine(run, "--urls");
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APostgresUriIsAcceptedAsConnectionString()
    {
        var keywords = new NpgsqlConnectionStringBuilder(await Databases.CreatePostgresAsync());
        var uri = $"postgres://{Uri.EscapeDataString(keywords.Username!)}:{Uri.EscapeDataString(keywords.Password!)}@{keywords.Host}:{keywords.Port}/{keywords.Database}";

        await using var node = await NodeProcess.StartAsync(NewFolder(), Postgres(uri));
        using var admin = node.Client(TestNode.AdminKey);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/declarations", TestContext.Current.CancellationToken)).StatusCode);
    }

    private static void AssertOneLine((int ExitCode, string Output, string Error) run, string named)
    {
        Assert.Equal(1, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Single(lines);
        Assert.Contains(named, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error + run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, run.Error + run.Output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Postgres(string connectionString) => new()
    {
        ["SmartCustoms:Storage:Provider"] = "postgres",
        ["ConnectionStrings:SmartCustoms"] = connectionString,
    };

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "sc-node-" + Guid.NewGuid().ToString("N"));
}
