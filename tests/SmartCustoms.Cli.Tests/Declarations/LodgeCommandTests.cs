namespace SmartCustoms.Cli.Tests.Declarations;

public sealed class LodgeCommandTests : IDisposable
{
    private const string Lodged = """
        { "mrn": "25XX000000000001A1", "status": "assessed", "warnings": [ { "code": "invoice.mismatch", "message": "Invoice and items differ.", "pointer": "/invoiceAmount" } ],
          "duties": { "currency": "EUR", "totalDuty": 27, "totalVat": 205.4 } }
        """;

    private const string Refused = """
        { "title": "The declaration has errors.", "detail": "1 error(s) found; each names its field.", "status": 400,
          "errors": [ { "code": "hs.unknown", "message": "'999999' is not an HS 2022 subheading.", "pointer": "/items/0/hsCode" } ] }
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task SendsEachFileWithTheContentTypeOfItsFormatAndReportsItsMrn()
    {
        using var node = new FakeNode(_ => (201, "application/json", Lodged));
        var json = _folder.Write("import.json", DeclarationSamples.ValidImportJson);

        var run = await CliRun.StartAsync("declarations", "lodge", json, DeclarationSamples.WcoImportXmlPath, "--server", node.Url, "--api-key", "sck_test");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["application/json", "application/xml"], node.Requests.Select(r => r.ContentType).Order(StringComparer.Ordinal));
        Assert.All(node.Requests, r => Assert.Equal(("POST", "/api/declarations", "Bearer sck_test"), (r.Method, r.Path, r.Authorization)));
        Assert.Contains($"{json}: lodged as 25XX000000000001A1 (assessed)", run.Output, StringComparison.Ordinal);
        Assert.Contains("warning  /invoiceAmount  invoice.mismatch", run.Output, StringComparison.Ordinal);
        Assert.Contains("duty 27.00 + VAT 205.40 = 232.40 EUR", run.Output, StringComparison.Ordinal);
        Assert.Contains("2 file(s): 2 lodged, 0 already lodged, 0 failed", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TellsADeclarationLodgedAgainFromANewOne()
    {
        using var node = new FakeNode(_ => (200, "application/json", Lodged));
        var json = _folder.Write("import.json", DeclarationSamples.ValidImportJson);

        var run = await CliRun.StartAsync("declarations", "lodge", json, "--server", node.Url, "--api-key", "sck_test");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"{json}: already lodged as 25XX000000000001A1", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListsTheErrorsOfARefusedDeclarationAndExitsOne()
    {
        using var node = new FakeNode(r => r.Body.Contains("999999", StringComparison.Ordinal)
            ? (400, "application/problem+json", Refused)
            : (201, "application/json", Lodged));
        var good = _folder.Write("good.json", DeclarationSamples.ValidImportJson);
        var bad = _folder.Write("bad.json", DeclarationSamples.UnknownHsCodeJson);

        var run = await CliRun.StartAsync("declarations", "lodge", good, bad, "--server", node.Url, "--api-key", "sck_test");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"{bad}: refused: 400 Bad Request: The declaration has errors.", run.Output, StringComparison.Ordinal);
        Assert.Contains("/items/0/hsCode  hs.unknown  '999999' is not an HS 2022 subheading.", run.Output, StringComparison.Ordinal);
        Assert.Contains("2 file(s): 1 lodged, 0 already lodged, 1 failed", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAFileOverOneMebibyteWithoutSendingIt()
    {
        using var node = new FakeNode(_ => (201, "application/json", Lodged));
        var big = _folder.Write("big.json", new string(' ', 1024 * 1024 + 1));

        var run = await CliRun.StartAsync("declarations", "lodge", big, "--server", node.Url, "--api-key", "sck_test");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"{big}: not sent: 1,048,577 bytes; nodes refuse declarations over 1 MiB", run.Output, StringComparison.Ordinal);
        Assert.Empty(node.Requests);
    }

    [Fact]
    public async Task NamesTheUrlOnceWhenNothingListensThere()
    {
        var url = $"http://127.0.0.1:{FakeNode.FreePort()}";
        var files = Enumerable.Range(1, 3).Select(i => _folder.Write($"import{i}.json", DeclarationSamples.ValidImportJson)).ToArray();

        var run = await CliRun.StartAsync(["declarations", "lodge", .. files, "--server", url, "--api-key", "sck_test"]);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"error: cannot connect to the node at {url} (connection refused)", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("cannot connect", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"3 file\(s\): 0 lodged, 0 already lodged, \d failed", run.Output);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaysTheKeyWasRefusedWhenTheNodeAnswersUnauthorized()
    {
        using var node = new FakeNode(_ => (401, "text/plain", ""));
        var json = _folder.Write("import.json", DeclarationSamples.ValidImportJson);

        var run = await CliRun.StartAsync("declarations", "lodge", json, "--server", node.Url, "--api-key", "sck_wrong");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("did not accept the API key (401)", run.Error, StringComparison.Ordinal);
    }
}
