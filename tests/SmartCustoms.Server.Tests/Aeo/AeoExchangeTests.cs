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
/// CN's AEO register reaching SG as an <c>aeo-list</c> message, and SG's risk engine treating CN's AEOs as AEOs when,
/// and only when, SG's agreement with CN recognises them; lists arriving out of order leave the newest in force.
/// </summary>
public sealed class AeoExchangeTests : IDisposable
{
    private const string CnAeo = "CN100000000001";
    private const string SgTrader = "SG000000000001";

    // Hits every declaration whose trader is not (known to be) an AEO.
    private const string NotAeo = """
        { "id": "not-aeo", "name": "Trader is no AEO", "weight": 10, "when": { "not": { "field": "aeo", "op": "eq", "value": true } } }
        """;

    private readonly ECDsa _cnKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _cnKey.Dispose();

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AnImportAtSgByATraderOnCnsRecognisedListIsAnAeoThereAndOthersAreNot(string provider)
    {
        await using var nodes = await StartAsync(provider, recognised: true);
        var partners = await ImportAtCnAndAwaitSgAsync(nodes);

        var (others, aeo) = await LodgeAtSgAsync(nodes.Sg);

        var list = Assert.Single(partners);
        Assert.Equal(("CN", true), (list.GetProperty("sender").GetString(), list.GetProperty("recognised").GetBoolean()));
        // The expired entry stayed at CN: only entries still valid (or valid later) are sent.
        Assert.Equal([CnAeo], list.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("traderId").GetString()));
        Assert.Contains("not-aeo", others);
        Assert.DoesNotContain("not-aeo", aeo);
        Assert.Contains($"Treated as an AEO: importer {CnAeo} is on CN's AEO list (recognised under the agreement).", aeo);
        Assert.DoesNotContain(others, r => r?.StartsWith("Treated as an AEO", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task WithoutRecognitionInTheAgreementCnsListChangesNothingAtSg()
    {
        await using var nodes = await StartAsync(Databases.Sqlite, recognised: false);
        var partners = await ImportAtCnAndAwaitSgAsync(nodes);

        var (others, aeo) = await LodgeAtSgAsync(nodes.Sg);

        Assert.False(Assert.Single(partners).GetProperty("recognised").GetBoolean());
        Assert.Contains("not-aeo", others);
        Assert.Contains("not-aeo", aeo);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AnOlderListArrivingAfterANewerOneIsReceiptedButDoesNotReplaceIt(string provider)
    {
        await using var sg = await TestNode.StartAsync(provider, settings: new Dictionary<string, string?> { ["SmartCustoms:NodeId"] = "SG" });
        var card = new NodeCard
        {
            NodeId = "CN", Country = "CN", BaseUrl = LoopbackRouter.BaseUrl("CN"), Keys = [Jwk.FromKey(_cnKey, DateTimeOffset.UtcNow.AddDays(-1), null)],
        };
        using (var admin = sg.Admin())
        {
            var registered = await admin.PostAsJsonAsync("/api/exchange/partners", new { card, agreement = ReceiverAgreement(recognised: true) }, ExchangeJson.Options);
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        using var partner = sg.Client(null);
        var now = DateTimeOffset.UtcNow;
        var newer = await partner.PostAsync("/api/exchange/inbox", Jose(Sign(AeoList(now.AddMinutes(-1), "CN200000000002"))));
        var older = await partner.PostAsync("/api/exchange/inbox", Jose(Sign(AeoList(now.AddMinutes(-2), "CN100000000001"))));
        var noId = await partner.PostAsync("/api/exchange/inbox", Jose(Sign(AeoList(now, " "))));
        var twice = await partner.PostAsync("/api/exchange/inbox", Jose(Sign(AeoList(now, "CN3", "cn3"))));
        using var officer = await sg.OfficerAsync();
        var lists = await officer.GetFromJsonAsync<JsonElement[]>("/api/aeo/partners");

        Assert.Equal(HttpStatusCode.OK, newer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
        Assert.Equal(["payload.invalid"], (await noId.JsonAsync()).ErrorCodes());
        Assert.Equal(["payload.invalid"], (await twice.JsonAsync()).ErrorCodes());
        Assert.Equal(["CN200000000002"], Assert.Single(lists!).GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("traderId").GetString()));
        Assert.Equal(2, (await sg.MessagesAsync("in")).Length);
    }

    private static JsonObject SenderAgreement() => new()
    {
        ["weSend"] = new JsonArray("aeo-list"),
        ["theySend"] = new JsonArray(),
        ["sharedFields"] = new JsonArray(),
    };

    private static JsonObject ReceiverAgreement(bool recognised) => new()
    {
        ["weSend"] = new JsonArray(),
        ["theySend"] = new JsonArray("aeo-list"),
        ["sharedFields"] = new JsonArray(),
        ["aeoRecognised"] = recognised,
    };

    private static async Task<Pair> StartAsync(string provider, bool recognised)
    {
        var router = new LoopbackRouter();
        var cn = await router.StartAsync(provider, "CN");
        var sg = await router.StartAsync(provider, "SG");
        Assert.Equal(HttpStatusCode.Created, (await LoopbackRouter.RegisterAsync(cn, sg, SenderAgreement())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await LoopbackRouter.RegisterAsync(sg, cn, ReceiverAgreement(recognised))).StatusCode);
        return new Pair(cn, sg);
    }

    /// <summary>CN imports its register (one valid AEO, one expired); returns SG's partner lists once CN's has arrived.</summary>
    private static async Task<JsonElement[]> ImportAtCnAndAwaitSgAsync(Pair nodes)
    {
        using var cnAdmin = nodes.Cn.Admin();
        var imported = await cnAdmin.PostAsync("/api/aeo/import", new StringContent($"""
            traderId,name,country,certificate,validFrom,validTo
            {CnAeo},Shenzhen Shavers Co,CN,AEOF,2024-01-01,
            CN100000000002,Lapsed Co,CN,AEOS,2020-01-01,2021-12-31
            """, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(["SG"], (await imported.JsonAsync()).GetProperty("sentTo").EnumerateArray().Select(e => e.GetString()));

        using var sgOfficer = await nodes.Sg.OfficerAsync();
        return await ExchangeSamples.EventuallyAsync(
            async () => await sgOfficer.GetFromJsonAsync<JsonElement[]>("/api/aeo/partners") ?? [], l => l.Length == 1, "CN's list received at SG");
    }

    /// <summary>The criterion hits of an import by an SG trader for itself, and of one for CN's AEO as importer.</summary>
    private static async Task<(List<string?> Others, List<string?> Aeo)> LodgeAtSgAsync(TestNode sg)
    {
        using var analyst = await sg.ClientForAsync("analyst");
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/risk/criteria", new StringContent(NotAeo, Encoding.UTF8, "application/json"))).StatusCode);
        using var trader = await sg.TraderAsync(SgTrader);
        var forAeo = Samples.Import(SgTrader);
        forAeo["importer"] = new JsonObject { ["id"] = CnAeo.ToLowerInvariant(), ["name"] = "Shenzhen Shavers Co" };
        return (await HitsAsync(sg, trader, Samples.Import(SgTrader)), await HitsAsync(sg, trader, forAeo));
    }

    private static async Task<List<string?>> HitsAsync(TestNode node, HttpClient trader, JsonObject declaration)
    {
        var lodged = await trader.PostAsJsonAsync("/api/declarations", declaration);
        Assert.Equal(HttpStatusCode.Created, lodged.StatusCode);
        using var officer = await node.OfficerAsync();
        var view = await officer.GetFromJsonAsync<JsonElement>($"/api/declarations/{(await lodged.JsonAsync()).GetProperty("mrn").GetString()}");
        var explanation = view.GetProperty("risk").GetProperty("explanation");
        // The hits' ids, then the reasons: an AEO's explanation says why it counts as one.
        return [.. explanation.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()),
            .. explanation.GetProperty("reasons").EnumerateArray().Select(r => r.GetString())];
    }

    private static JsonObject AeoList(DateTimeOffset createdAt, params string[] traderIds) => new()
    {
        ["id"] = Guid.NewGuid().ToString("N"),
        ["type"] = "aeo-list",
        ["sender"] = "CN",
        ["recipient"] = "SG",
        ["createdAt"] = createdAt,
        ["sentAt"] = DateTimeOffset.UtcNow,
        ["payload"] = new JsonObject
        {
            ["listedAt"] = createdAt,
            ["entries"] = new JsonArray([.. traderIds.Select(id => (JsonNode)new JsonObject
            {
                ["traderId"] = id, ["name"] = "Trader " + id, ["country"] = "CN", ["certificate"] = "AEOF", ["validFrom"] = "2024-01-01",
            })]),
        },
    };

    private string Sign(JsonObject envelope) =>
        Jws.Sign(Encoding.UTF8.GetBytes(envelope.ToJsonString()), Jwk.FromKey(_cnKey, DateTimeOffset.UtcNow, null).Kid!, ExchangeMediaTypes.Message, _cnKey);

    private static StringContent Jose(string body) => new(body, Encoding.ASCII, ExchangeMediaTypes.Jose);

    private sealed record Pair(TestNode Cn, TestNode Sg) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Cn.DisposeAsync();
            await Sg.DisposeAsync();
        }
    }
}
