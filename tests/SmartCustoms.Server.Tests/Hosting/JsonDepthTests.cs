using System.Net;
using System.Text;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Hosting;

/// <summary>Every JSON reader of API input stops at a nesting depth: a bracket bomb is a bad request, never a stack overflow or 500.</summary>
public sealed class JsonDepthTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async ValueTask InitializeAsync() => _node = await TestNode.StartAsync(Databases.Sqlite);

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    /// <summary>Each JSON endpoint, with a depth whose bomb fits in its body limit (two bytes a level).</summary>
    public static TheoryData<string, string, string, int> Endpoints => new()
    {
        { "trader", "POST", "/api/declarations", 100_000 },
        { "officer", "POST", "/api/declarations/26GB0000000000001/release", 30_000 },
        { "officer", "POST", "/api/declarations/26GB0000000000001/reroute", 30_000 },
        { "admin", "POST", "/api/keys", 30_000 },
        { "admin", "PUT", "/api/tariff", 100_000 },
        { "analyst", "PUT", "/api/risk/lanes", 100_000 },
        { "analyst", "POST", "/api/risk/criteria", 30_000 },
        { "analyst", "PUT", "/api/risk/criteria/C1", 30_000 },
        { "admin", "POST", "/api/exchange/partners", 100_000 },
        { "analyst", "POST", "/api/exchange/alerts", 15_000 },
        { "admin", "PUT", "/api/aeo/GB603202734852", 7_000 },
        { "admin", "POST", "/api/aeo/import", 100_000 },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task ABracketBombIsABadRequest(string role, string method, string path, int depth)
    {
        using var client = role switch
        {
            "admin" => _node.Admin(),
            "trader" => await _node.TraderAsync("GB603202734852"),
            _ => await _node.ClientForAsync(role),
        };
        var bomb = new string('[', depth) + new string(']', depth);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent(bomb, Encoding.UTF8, "application/json"),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AnInboxMessageWithABracketBombForAHeaderIsRefusedUnread()
    {
        using var partner = _node.Client(null);
        var header = System.Buffers.Text.Base64Url.EncodeToString(Encoding.ASCII.GetBytes(new string('[', 100_000) + new string(']', 100_000)));

        var response = await partner.PostAsync("/api/exchange/inbox", new StringContent(header + ".e30.c2ln", Encoding.ASCII, "application/jose"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
