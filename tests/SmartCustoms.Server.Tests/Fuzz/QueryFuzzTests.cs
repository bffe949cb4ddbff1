using CsCheck;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Fuzz;

/// <summary>
/// Random query strings on every reading endpoint, as each role that reaches it, in the Development environment
/// (which must answer exactly as production does): page sizes, cursors and dates from year 1 to 9999, text where a
/// number goes.
/// </summary>
public sealed class QueryFuzzTests
{
    private static readonly string[] Paths =
    [
        "/api/declarations", "/api/declarations/26GB000000000001X1", "/api/declarations/26GB000000000001X1/notifications",
        "/api/risk/criteria", "/api/risk/criteria/x/history", "/api/risk/lanes", "/api/risk/performance", "/api/risk/proposals",
        "/api/aeo", "/api/aeo/partners", "/api/exchange/messages", "/api/exchange/export-data", "/api/exchange/partners",
        "/api/tariff", "/api/models", "/api/keys", "/statistics",
    ];

    private static readonly string[] Names =
        ["page", "pageSize", "status", "from", "to", "From", "To", "after", "version", "direction", "container", "office", "month", "limit", "controlOpen"];

    private static readonly string[] Values =
    [
        "0", "-1", "1", "501", "2147483648", "abc", "", "0001-01-01", "0001-01", "9999-12-31", "9999-12", "0000-00",
        "2026-13-45", "%FF", "%ED%A0%80", "null", "true", "1e400", "released", "in",
    ];

    private static readonly Gen<(int Path, int[] Names, int[] Values)> Gen =
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, Paths.Length - 1], CsCheck.Gen.Int[0, Names.Length - 1].Array[1, 3], CsCheck.Gen.Int[0, Values.Length - 1].Array[3]);

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task RandomQueriesAreAnsweredOrRefusedNeverFailedInDevelopment(string provider)
    {
        await using var node = await TestNode.StartAsync(provider, settings: new Dictionary<string, string?> { [TestNode.EnvironmentSetting] = "Development" });
        using var admin = node.Admin();
        using var officer = await node.OfficerAsync();
        using var analyst = await node.ClientForAsync("analyst");
        using var trader = await node.TraderAsync("GB603202734852");
        using var anonymous = node.Client(null);
        HttpClient[] callers = [admin, officer, analyst, trader, anonymous];
        foreach (var (path, names, values) in Fuzzing.Cases(Gen, 120))
        {
            var query = string.Join('&', names.Select((n, i) => Names[n] + "=" + Values[values[i]]));
            var url = Paths[path] + "?" + query;
            foreach (var caller in callers)
            {
                var response = await caller.GetAsync(url);
                if ((int)response.StatusCode is 401 or 403 || url.StartsWith("/statistics", StringComparison.Ordinal))
                {
                    Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {url}");
                    continue;
                }

                await Fuzzing.AssertHandledAsync(response, url);
            }
        }
    }
}
