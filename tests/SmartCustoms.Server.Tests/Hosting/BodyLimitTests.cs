using System.Net;
using System.Net.Http.Json;
using System.Text;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Hosting;

/// <summary>Every endpoint holds its body to its own limit: small by default, larger only where the endpoint takes more.</summary>
public sealed class BodyLimitTests : IAsyncLifetime
{
    private const string Declarant = "GB603202734852";
    private TestNode _node = null!;

    public async ValueTask InitializeAsync() => _node = await TestNode.StartAsync(Databases.Sqlite);

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    /// <summary>A reason padded with spaces to <paramref name="bytes"/>: valid JSON, so only its size can refuse it.</summary>
    private static string PaddedReason(int bytes) => "{\"reason\":\"x\"" + new string(' ', bytes - 15) + "}";

    internal static async Task AssertTooLargeAsync(HttpResponseMessage response, int limit)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(["body.too-large"], problem.ErrorCodes());
        Assert.Contains(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFrameworkBoundBodyOverTheDefaultLimitIsRefusedBeforeItIsRead()
    {
        using var officer = await _node.OfficerAsync();

        var response = await officer.PostAsync("/api/declarations/26GB0000000000001/release",
            new StringContent(PaddedReason(100 * 1024), Encoding.UTF8, "application/json"));

        await AssertTooLargeAsync(response, 64 * 1024);
    }

    [Fact]
    public async Task AChunkedBodyOverTheDefaultLimitIsCutAtTheLimitAndAnswered413()
    {
        using var officer = await _node.OfficerAsync();

        var response = await officer.PostAsync("/api/declarations/26GB0000000000001/reroute",
            new ChunkedContent("{\"lane\":\"red\",\"reason\":\"x\"", ' ', 1024 * 1024));

        await AssertTooLargeAsync(response, 64 * 1024);
    }

    [Fact]
    public async Task LodgingTakesADeclarationLargerThanTheDefaultLimitUpToItsOwn()
    {
        using var trader = await _node.TraderAsync(Declarant);
        var json = Samples.Import(Declarant).ToJsonString();

        var large = await trader.PostAsync("/api/declarations", new StringContent(json + new string(' ', 200 * 1024), Encoding.UTF8, "application/json"));
        var tooLarge = await trader.PostAsync("/api/declarations", new ChunkedContent(json, ' ', 2 * 1024 * 1024));

        Assert.Equal(HttpStatusCode.Created, large.StatusCode);
        await AssertTooLargeAsync(tooLarge, 1024 * 1024);
    }

    [Fact]
    public async Task ThePortalsUploadPageTakesMoreThanTheDefaultWhileSignInDoesNot()
    {
        using var browser = _node.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = new string('a', 100 * 1024);

        var upload = await browser.PostAsync("/trader/lodge", new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));
        var signIn = await browser.PostAsync("/signin", new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, upload.StatusCode);
        await AssertTooLargeAsync(signIn, 64 * 1024);
    }

    [Fact]
    public async Task TheDefaultLimitIsASetting()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite, settings: new Dictionary<string, string?> { ["SmartCustoms:Limits:MaxBodyBytes"] = "2048" });
        using var admin = node.Admin();

        var small = await admin.PostAsJsonAsync("/api/keys", new { role = "officer", name = "small" });
        var large = await admin.PostAsJsonAsync("/api/keys", new { role = "officer", name = new string('n', 4096) });

        Assert.Equal(HttpStatusCode.Created, small.StatusCode);
        await AssertTooLargeAsync(large, 2048);
    }
}
