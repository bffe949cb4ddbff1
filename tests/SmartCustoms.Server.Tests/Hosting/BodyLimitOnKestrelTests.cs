using System.Net;
using System.Net.Http.Json;
using System.Text;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Hosting;

/// <summary>The limits on the real server, which also enforces the body size itself (the in-process server does not).</summary>
public sealed class BodyLimitOnKestrelTests : IAsyncLifetime
{
    private const string Declarant = "GB603202734852";
    private NodeProcess _node = null!;
    private HttpClient _officer = null!;
    private HttpClient _trader = null!;

    public async ValueTask InitializeAsync()
    {
        _node = await NodeProcess.StartAsync(Path.Combine(Path.GetTempPath(), "sc-limits-" + Guid.NewGuid().ToString("N")));
        using var admin = _node.Client(NodeProcess.AdminKey);
        _officer = _node.Client(await KeyAsync(admin, new { role = "officer", name = "officer" }));
        _trader = _node.Client(await KeyAsync(admin, new { role = "trader", partyId = Declarant, name = "trader" }));
    }

    private static async Task<string> KeyAsync(HttpClient admin, object key) =>
        (await (await admin.PostAsJsonAsync("/api/keys", key)).JsonAsync()).GetProperty("key").GetString()!;

    public async ValueTask DisposeAsync()
    {
        _officer.Dispose();
        _trader.Dispose();
        await _node.DisposeAsync();
    }

    [Fact]
    public async Task AChunkedFrameworkBoundBodyOverTheDefaultIsAnswered413NotAServerError()
    {
        var response = await _officer.PostAsync("/api/declarations/26GB0000000000001/reroute",
            new ChunkedContent("{\"lane\":\"red\",\"reason\":\"x\"", ' ', 512 * 1024));

        await BodyLimitTests.AssertTooLargeAsync(response, 64 * 1024);
    }

    [Fact]
    public async Task ADeclaredLengthOverTheDefaultIsAnswered413()
    {
        var response = await _officer.PostAsync("/api/declarations/26GB0000000000001/cancellation",
            new StringContent("{\"reason\":\"x\"" + new string(' ', 100 * 1024) + "}", Encoding.UTF8, "application/json"));

        await BodyLimitTests.AssertTooLargeAsync(response, 64 * 1024);
    }

    [Fact]
    public async Task LodgingTakesMoreThanTheDefaultAndCutsAChunkedBodyAtItsOwnLimit()
    {
        var json = Samples.Import(Declarant).ToJsonString();

        var large = await _trader.PostAsync("/api/declarations", new ChunkedContent(json, ' ', 200 * 1024));
        var tooLarge = await _trader.PostAsync("/api/declarations", new ChunkedContent(json, ' ', 2 * 1024 * 1024));

        Assert.Equal(HttpStatusCode.Created, large.StatusCode);
        await BodyLimitTests.AssertTooLargeAsync(tooLarge, 1024 * 1024);
    }
}
