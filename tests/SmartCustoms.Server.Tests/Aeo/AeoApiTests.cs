using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Server.Tests.Exchange;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Aeo;

/// <summary>
/// <c>/api/aeo</c> on one node: who may read and change the register, an import that is all or nothing with every
/// faulty row named by its line, and a change refused when the list it would send is larger than a partner accepts.
/// </summary>
public sealed class AeoApiTests
{
    private const string GoodCsv = """
        traderId,name,country,certificate,validFrom,validTo
        gb553202734852,"Example Imports, Ltd",GB,AEOF,2024-01-01,
        GB000000000001,"Quoted ""Name"" Ltd",gb,aeos,2024-01-01,2099-12-31
        GB000000000002,Expired Ltd,GB,,2020-01-01,2021-01-01
        """;

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task OfficersAndAnalystsReadTheRegisterOnlyAdministratorsChangeItAndTradersSeeNothing(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var admin = node.Admin();
        using var officer = await node.OfficerAsync();
        using var analyst = await node.ClientForAsync("analyst");
        using var trader = await node.TraderAsync("GB553202734852");
        using var anonymous = node.Client(null);
        var entry = new { name = "Example Imports Ltd", country = "GB", certificate = "AEOF", validFrom = "2024-01-01" };

        var created = await admin.PutAsJsonAsync("/api/aeo/gb553202734852", entry);
        var replaced = await admin.PutAsJsonAsync("/api/aeo/GB553202734852", entry with { name = "Renamed Ltd" });
        var byAnalyst = await analyst.PutAsJsonAsync("/api/aeo/GB1", entry);
        var byOfficer = await officer.PostAsync("/api/aeo/import", Csv(GoodCsv));
        var deleteByOfficer = await officer.DeleteAsync("/api/aeo/GB553202734852");
        var one = await officer.GetFromJsonAsync<JsonElement>("/api/aeo/GB553202734852");
        var list = await analyst.GetFromJsonAsync<JsonElement[]>("/api/aeo");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAnalyst.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deleteByOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await trader.GetAsync("/api/aeo")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await trader.GetAsync("/api/aeo/GB553202734852")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await trader.GetAsync("/api/aeo/partners")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/aeo")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/aeo/import", Csv(GoodCsv))).StatusCode);
        Assert.Equal(("Renamed Ltd", true), (one.GetProperty("name").GetString(), one.GetProperty("validToday").GetBoolean()));
        Assert.Equal(["GB553202734852"], list!.Select(e => e.GetProperty("traderId").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/aeo/GB553202734852")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/aeo/GB553202734852")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/aeo/GB553202734852")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AnImportReplacesTheWholeRegisterOrWithAnyBadRowNothingAndNamesEveryBadRowByItsLine(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var admin = node.Admin();

        var first = await admin.PostAsync("/api/aeo/import", Csv(GoodCsv));
        var bad = await admin.PostAsync("/api/aeo/import", Csv("""
            traderId,name,country,certificate,validFrom,validTo
            GB100,Good Ltd,GB,AEOF,2024-01-01,
            GB101,Bad Date Ltd,GB,AEOF,2024-13-01,
            GB100,Twice Ltd,GB,AEOF,2024-01-01,

            ,No Id Ltd,GBR,AEOF,2024-01-01,2023-01-01
            GB103,"Multi
            line Ltd",GB,AEOC,2024-01-01,
            GB104,After Ltd,GB,AEOC,2024-01-01,2023-12-31
            """));
        var badJson = await admin.PostAsJsonAsync("/api/aeo/import", new object[]
        {
            new { traderId = "GB200", name = "Good Ltd", country = "GB", validFrom = "2024-01-01" },
            new { traderId = "GB201", name = "Unknown Field Ltd", country = "GB", validFrom = "2024-01-01", colour = "blue" },
            new { traderId = "GB202", country = "GB", validFrom = "2024-01-01" },
        });
        var afterBad = await admin.GetFromJsonAsync<JsonElement[]>("/api/aeo");
        var second = await admin.PostAsJsonAsync("/api/aeo/import", new object[]
        {
            new { traderId = "GB300", name = "Only Ltd", country = "GB", certificate = "AEOS", validFrom = "2024-01-01", validTo = "2099-01-01" },
        });
        var afterSecond = await admin.GetFromJsonAsync<JsonElement[]>("/api/aeo");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(3, (await first.JsonAsync()).GetProperty("entries").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("pointer").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.Equal(
            [
                (3, "/1/validFrom", "aeo.valid-from.invalid"),
                (4, "/2/traderId", "aeo.trader-id.duplicate"),
                (6, "/3/traderId", "aeo.trader-id.required"),
                (6, "/3/country", "aeo.country.invalid"),
                (6, "/3/validTo", "aeo.valid-to.before-from"),
                // A quoted value may span lines (the line of its row is where it starts), but a name holds no line break.
                (7, "/4/name", "aeo.name.invalid"),
                (9, "/5/validTo", "aeo.valid-to.before-from"),
            ],
            errors);
        Assert.Contains("Line 4: trader GB100 is already listed at line 2.", (await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Equal(["/1/colour", "/2/name"], (await badJson.JsonAsync()).ErrorPointers());
        // Nothing of either bad import was stored: the first register stands, normalised.
        Assert.Equal(["GB000000000001", "GB000000000002", "GB553202734852"], afterBad!.Select(e => e.GetProperty("traderId").GetString()));
        var quoted = afterBad![0];
        Assert.Equal(("Quoted \"Name\" Ltd", "GB", "AEOS", "2099-12-31"),
            (quoted.GetProperty("name").GetString(), quoted.GetProperty("country").GetString(), quoted.GetProperty("certificate").GetString(), quoted.GetProperty("validTo").GetString()));
        Assert.Equal("Example Imports, Ltd", afterBad[2].GetProperty("name").GetString());
        Assert.False(afterBad[1].GetProperty("validToday").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(["GB300"], afterSecond!.Select(e => e.GetProperty("traderId").GetString()));
    }

    [Fact]
    public async Task AnImportInAnotherFormatOrWithABadHeaderIsRefusedWithWhy()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var admin = node.Admin();

        var xml = await admin.PostAsync("/api/aeo/import", new StringContent("<aeo/>", Encoding.UTF8, "application/xml"));
        var header = await admin.PostAsync("/api/aeo/import", Csv("id,name,country\nGB1,A,GB\n"));
        var mismatch = await admin.PutAsJsonAsync("/api/aeo/GB1", new { traderId = "GB2", name = "A", country = "GB", validFrom = "2024-01-01" });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, xml.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, header.StatusCode);
        Assert.Contains("'id' is unknown", await header.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["aeo.trader-id.mismatch"], (await mismatch.JsonAsync()).ErrorCodes());
        Assert.Empty(await admin.GetFromJsonAsync<JsonElement[]>("/api/aeo") ?? []);
        Assert.Equal(["aeo-list.no-partner"], (await (await admin.PostAsync("/api/aeo/send", null)).JsonAsync()).ErrorCodes());
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AChangeWhoseListWouldBeLargerThanAPartnerAcceptsIsRefusedAndNothingIsStoredOrQueued(string provider)
    {
        await using var node = await TestNode.StartAsync(provider, settings: new Dictionary<string, string?>
        {
            ["SmartCustoms:NodeId"] = "CN", ["SmartCustoms:Exchange:MaxMessageBytes"] = "4096",
        });
        using var admin = node.Admin();
        using var sgKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var card = new NodeCard { NodeId = "SG", Country = "SG", BaseUrl = LoopbackRouter.BaseUrl("SG"), Keys = [Jwk.FromKey(sgKey, DateTimeOffset.UtcNow.AddDays(-1), null)] };
        var agreement = new JsonObject { ["weSend"] = new JsonArray("aeo-list"), ["theySend"] = new JsonArray(), ["sharedFields"] = new JsonArray() };
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/exchange/partners", new { card, agreement }, ExchangeJson.Options)).StatusCode);
        var small = new StringBuilder(AeoHeader);
        for (var i = 0; i < 3; i++)
        {
            small.Append($"CN{i:D12},Small Trader {i},CN,AEOF,2024-01-01,\n");
        }

        var large = new StringBuilder(AeoHeader);
        for (var i = 0; i < 60; i++)
        {
            large.Append($"CN{i:D12},A Trader With A Rather Long Name Number {i},CN,AEOF,2024-01-01,2099-12-31\n");
        }

        var fits = await admin.PostAsync("/api/aeo/import", Csv(small.ToString()));
        var tooLarge = await admin.PostAsync("/api/aeo/import", Csv(large.ToString()));

        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
        Assert.Equal(["SG"], (await fits.JsonAsync()).GetProperty("sentTo").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.Conflict, tooLarge.StatusCode);
        var problem = await tooLarge.JsonAsync();
        Assert.Equal(["aeo-list.too-large"], problem.ErrorCodes());
        Assert.Contains("MaxMessageBytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/aeo/CN000000000001", new { name = "Still fits", country = "CN", validFrom = "2024-01-01" })).StatusCode);
        Assert.Equal(3, (await admin.GetFromJsonAsync<JsonElement[]>("/api/aeo"))!.Length);
        var resent = await admin.PostAsync("/api/aeo/send", null);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal(3, (await resent.JsonAsync()).GetProperty("entries").GetInt32());
        // One list per change that was kept (the first import, the renaming) and the one sent on demand; none for the refused import.
        var sent = (await node.MessagesAsync("out")).Where(m => m.GetProperty("type").GetString() == "aeo-list").ToList();
        Assert.Equal(3, sent.Count);
    }

    private const string AeoHeader = "traderId,name,country,certificate,validFrom,validTo\n";

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");
}
