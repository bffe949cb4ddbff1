using SmartCustoms.Cli.Tests.Declarations;

namespace SmartCustoms.Cli.Tests.Aeo;

public sealed class AeoCommandsTests : IDisposable
{
    private const string Key = "sck_secret_admin_key";
    private const string Register = "traderId,name,country,certificate,validFrom,validTo\nGB1,A Ltd,GB,AEOF,2024-01-01,\nGB2,B Ltd,GB,AEOS,2024-01-01,\n";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ImportSendsTheFileAsCsvWithTheKeyAndSaysWhereTheListWentWithoutPrintingTheKey()
    {
        using var node = new FakeNode(_ => (200, "application/json", """{ "entries": 2, "sentTo": ["SG", "US"] }"""));
        var file = _folder.Write("aeo.csv", Register);

        var run = await CliRun.StartAsync("aeo", "import", file, "--node", node.Url, "--key", Key);

        Assert.True(run.ExitCode == 0, run.ToString());
        var request = Assert.Single(node.Requests);
        Assert.Equal(("POST", "/api/aeo/import", "text/csv", $"Bearer {Key}", Register), (request.Method, request.Path, request.ContentType, request.Authorization, request.Body));
        Assert.Contains("Imported 2 AEO entries", run.Output, StringComparison.Ordinal);
        Assert.Contains("the new list goes to SG, US.", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedImportListsEachBadRowAndExitsOne()
    {
        using var node = new FakeNode(_ => (400, "application/problem+json", """
            { "title": "The register has errors; nothing was stored.", "detail": "1 error(s) found.",
              "errors": [ { "code": "aeo.valid-from.invalid", "message": "Line 3: validFrom '2024-13-01' is not a date (yyyy-MM-dd).", "pointer": "/1/validFrom", "line": 3 } ] }
            """));
        var file = _folder.Write("aeo.json", "[]");

        var run = await CliRun.StartAsync("aeo", "import", file, "--node", node.Url, "--key", Key);
        var noKey = await CliRun.StartAsync("aeo", "list", "--node", node.Url);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("application/json", Assert.Single(node.Requests).ContentType);
        Assert.Contains("nothing was stored", run.Error, StringComparison.Ordinal);
        Assert.Contains("/1/validFrom: Line 3: validFrom '2024-13-01' is not a date", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, run.Output + run.Error, StringComparison.Ordinal);
        Assert.Equal(2, noKey.ExitCode);
    }
}
