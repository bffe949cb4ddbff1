using System.Net;
using System.Text;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Risk;

public sealed class RiskAuthoringTests
{
    private const string Criterion = """
        { "id": "cheap-shavers", "name": "Shavers under half the reference price", "weight": 120,
          "when": { "all": [ { "field": "hsCode", "op": "startsWith", "value": "8510" },
                             { "field": "unitPriceRatio", "op": "lt", "value": 0.5 } ] } }
        """;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AnalystCreatesVersionsAndRetiresACriterionKeepingItsHistory(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var analyst = await node.ClientForAsync("analyst");

        var created = await analyst.PostAsync("/api/risk/criteria", Json(Criterion));
        var again = await analyst.PostAsync("/api/risk/criteria", Json(Criterion));
        var second = await analyst.PutAsync("/api/risk/criteria/cheap-shavers", Json(Criterion.Replace("120", "200", StringComparison.Ordinal)));
        var retired = await analyst.DeleteAsync("/api/risk/criteria/cheap-shavers");
        var current = await (await analyst.GetAsync("/api/risk/criteria")).JsonAsync();
        var history = await (await analyst.GetAsync("/api/risk/criteria/cheap-shavers/history")).JsonAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(1, (await created.JsonAsync()).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(2, (await second.JsonAsync()).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.Equal(0, current.GetArrayLength());
        Assert.Equal([120m, 200m], history.EnumerateArray().Select(v => v.GetProperty("document").GetProperty("weight").GetDecimal()));
    }

    [Fact]
    public async Task InvalidCriteriaAreRefusedWithPointersIntoTheDocument()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var analyst = await node.ClientForAsync("analyst");
        var broken = Criterion.Replace("\"lt\"", "\"startsWith\"", StringComparison.Ordinal).Replace("120", "5000", StringComparison.Ordinal);

        var response = await analyst.PostAsync("/api/risk/criteria", Json(broken));
        var typo = await analyst.PostAsync("/api/risk/criteria", Json(Criterion.Replace("\"when\"", "\"whenn\"", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var pointers = (await response.JsonAsync()).ErrorPointers().ToList();
        Assert.Contains("/weight", pointers);
        Assert.Contains("/when/all/1/op", pointers);
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Equal(0, (await (await analyst.GetAsync("/api/risk/criteria")).JsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task LaneSettingsAreValidatedAndKeptPerOffice()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var analyst = await node.ClientForAsync("analyst");

        var saved = await analyst.PutAsync("/api/risk/lanes", Json("""{ "office": "GB000040", "redRate": 0.04, "yellowRate": 0.06, "blueRate": 0.05, "minRandomRate": 0.02 }"""));
        var invalid = await analyst.PutAsync("/api/risk/lanes", Json("""[ { "office": "GB000041", "redRate": 0.9, "yellowRate": 0.5 } ]"""));
        var lanes = await (await analyst.GetAsync("/api/risk/lanes")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var only = Assert.Single(lanes.EnumerateArray());
        Assert.Equal(("GB000040", 0.04), (only.GetProperty("office").GetString(), only.GetProperty("redRate").GetDouble()));
    }

    [Fact]
    public async Task OnlyAnalystsAuthorCriteriaAndTradersCannotReadThem()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var trader = await node.TraderAsync("GB123456789000");
        using var officer = await node.OfficerAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await trader.GetAsync("/api/risk/criteria")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await trader.GetAsync("/api/risk/lanes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync("/api/risk/criteria", Json(Criterion))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PutAsync("/api/risk/lanes", Json("""{ "office": "GB000040" }"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/risk/criteria")).StatusCode);
    }
}
