using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Risk;

/// <summary>Lanes given at lodging, what each role sees of them, and the officers' actions on them.</summary>
public sealed class SelectivityTests
{
    private const string Declarant = "GB123456789000";

    // Samples.Import declares shaver parts (8510) from China; fallback thresholds: red from 200, yellow 100, blue 50.
    private const string ShaverParts = """
        { "id": "shaver-parts-cn", "name": "Shaver parts from China", "weight": 250,
          "when": { "all": [ { "field": "hsCode", "op": "startsWith", "value": "8510" },
                             { "field": "origin", "op": "in", "values": ["CN"] } ] } }
        """;

    private const string NeverHits = """
        { "id": "caviar-from-mars", "name": "Never hits", "weight": 10,
          "when": { "field": "hsCode", "op": "startsWith", "value": "0304" } }
        """;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<HttpClient> AnalystWithAsync(TestNode node, params string[] criteria)
    {
        var analyst = await node.ClientForAsync("analyst");
        foreach (var criterion in criteria)
        {
            Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/risk/criteria", Json(criterion))).StatusCode);
        }

        return analyst;
    }

    private static async Task<JsonElement> LodgeAsync(HttpClient trader)
    {
        var response = await trader.PostAsJsonAsync("/api/declarations", Samples.Import(Declarant));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task RedLaneHoldsTheGoodsAndExplainsItselfToCustomsButNotToTheTrader(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var analyst = await AnalystWithAsync(node, ShaverParts);
        using var trader = await node.TraderAsync(Declarant);
        using var officer = await node.OfficerAsync();
        using var admin = node.Admin();

        var lodged = await LodgeAsync(trader);
        var mrn = lodged.GetProperty("mrn").GetString();
        var asTrader = await (await trader.GetAsync($"/api/declarations/{mrn}")).JsonAsync();
        var asOfficer = await (await officer.GetAsync($"/api/declarations/{mrn}")).JsonAsync();
        var asAnalyst = await (await analyst.GetAsync($"/api/declarations/{mrn}")).JsonAsync();
        var asAdmin = await (await admin.GetAsync($"/api/declarations/{mrn}")).JsonAsync();
        var notices = await (await trader.GetAsync($"/api/declarations/{mrn}/notifications")).JsonAsync();
        var traderList = await (await trader.GetAsync("/api/declarations")).JsonAsync();

        Assert.Equal("underControl", lodged.GetProperty("status").GetString());
        Assert.Equal("physical-examination", asTrader.GetProperty("consequence").GetString());
        Assert.True(asTrader.GetProperty("controlOpen").GetBoolean());
        Assert.False(asTrader.TryGetProperty("risk", out _));
        Assert.False(asAdmin.TryGetProperty("risk", out _));
        Assert.DoesNotContain("shaver-parts-cn", await (await trader.GetAsync($"/api/declarations/{mrn}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(traderList.GetProperty("items")[0].TryGetProperty("lane", out _));
        Assert.Contains("DMSCTL", notices.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("dmsCode").GetString()));
        foreach (var view in new[] { asOfficer, asAnalyst })
        {
            var risk = view.GetProperty("risk");
            var explanation = risk.GetProperty("explanation");
            Assert.Equal("red", risk.GetProperty("lane").GetString());
            Assert.Equal(250m, explanation.GetProperty("score").GetDecimal());
            Assert.Equal("shaver-parts-cn", explanation.GetProperty("hits")[0].GetProperty("id").GetString());
            Assert.Equal(250m, explanation.GetProperty("hits")[0].GetProperty("weight").GetDecimal());
            Assert.False(explanation.GetProperty("random").GetBoolean());
            Assert.Equal(200m, explanation.GetProperty("thresholds").GetProperty("red").GetDecimal());
            Assert.NotEmpty(explanation.GetProperty("reasons").EnumerateArray());
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ReleaseWaitsForTheInspectionResultWhoseEvidenceIsKeptWithItsHash(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var analyst = await AnalystWithAsync(node, ShaverParts);
        using var trader = await node.TraderAsync(Declarant);
        using var officer = await node.OfficerAsync();
        var mrn = (await LodgeAsync(trader)).GetProperty("mrn").GetString();
        var photo = RandomNumberGenerator.GetBytes(300_000);

        var early = await officer.PostAsync($"/api/declarations/{mrn}/release", null);
        using var form = new MultipartFormDataContent
        {
            { Json("""{ "findings": true, "categories": ["undervaluation", "misclassified-hs"], "revenueAtStake": 1250.50, "notes": "Complete shavers, not parts" }"""), "result" },
        };
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "evidence", "../../container-open.jpg");
        var recorded = await officer.PostAsync($"/api/declarations/{mrn}/inspection-result", form);
        var body = await recorded.JsonAsync();
        var inspection = body.GetProperty("risk").GetProperty("inspections")[0];
        var evidence = inspection.GetProperty("evidence")[0];
        var download = await officer.GetAsync(evidence.GetProperty("href").GetString());
        var traderDownload = await trader.GetAsync(evidence.GetProperty("href").GetString());
        var released = await officer.PostAsync($"/api/declarations/{mrn}/release", null);

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("control.open", (await early.JsonAsync()).ErrorCodes());
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.False(body.GetProperty("controlOpen").GetBoolean());
        Assert.Equal(["undervaluation", "misclassified-hs"], inspection.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(1250.50m, inspection.GetProperty("revenueAtStake").GetDecimal());
        Assert.Equal("container-open.jpg", evidence.GetProperty("fileName").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(photo)), evidence.GetProperty("sha256").GetString());
        Assert.Equal(photo, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, traderDownload.StatusCode);
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Equal("released", (await released.JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task InspectionResultsThatContradictThemselvesAreRefusedWithPointers()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var analyst = await AnalystWithAsync(node, ShaverParts);
        using var trader = await node.TraderAsync(Declarant);
        using var officer = await node.OfficerAsync();
        var mrn = (await LodgeAsync(trader)).GetProperty("mrn").GetString();

        var noCategory = await officer.PostAsync($"/api/declarations/{mrn}/inspection-result", Json("""{ "findings": true }"""));
        var unknown = await officer.PostAsync($"/api/declarations/{mrn}/inspection-result", Json("""{ "findings": true, "categories": ["smuggling"], "revenueAtStake": -5 }"""));
        var missing = await officer.PostAsync($"/api/declarations/{mrn}/inspection-result", Json("""{ "notes": "forgot" }"""));
        var byTrader = await trader.PostAsync($"/api/declarations/{mrn}/inspection-result", Json("""{ "findings": false }"""));
        var stillOpen = await (await officer.GetAsync($"/api/declarations/{mrn}")).JsonAsync();

        Assert.Equal(["/categories"], (await noCategory.JsonAsync()).ErrorPointers());
        Assert.Equal(["/categories/0", "/revenueAtStake"], (await unknown.JsonAsync()).ErrorPointers());
        Assert.Equal(["/findings"], (await missing.JsonAsync()).ErrorPointers());
        Assert.Equal(HttpStatusCode.Forbidden, byTrader.StatusCode);
        Assert.True(stillOpen.GetProperty("controlOpen").GetBoolean());
        Assert.Empty(stillOpen.GetProperty("risk").GetProperty("inspections").EnumerateArray());
    }

    [Fact]
    public async Task GreenAndBlueLanesAreReleasedAtLodgingWhenTheNodeReleasesAutomatically()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite, settings: new Dictionary<string, string?> { ["SmartCustoms:Risk:AutoRelease"] = "true" });
        using var trader = await node.TraderAsync(Declarant);
        using var officer = await node.OfficerAsync();

        var green = await LodgeAsync(trader);
        using (var analyst = await AnalystWithAsync(node, ShaverParts.Replace("250", "60", StringComparison.Ordinal)))
        {
            var blue = await LodgeAsync(trader);
            var blueView = await (await officer.GetAsync($"/api/declarations/{blue.GetProperty("mrn").GetString()}")).JsonAsync();
            Assert.Equal("released", blue.GetProperty("status").GetString());
            Assert.Equal("no-control", blue.GetProperty("consequence").GetString());
            Assert.Equal("blue", blueView.GetProperty("risk").GetProperty("lane").GetString());

            // A blue lane is audited after release: its result is recorded without holding anything.
            var audit = await officer.PostAsync($"/api/declarations/{blue.GetProperty("mrn").GetString()}/inspection-result", Json("""{ "findings": false }"""));
            Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        }

        var notices = await (await trader.GetAsync($"/api/declarations/{green.GetProperty("mrn").GetString()}/notifications")).JsonAsync();
        Assert.Equal("released", green.GetProperty("status").GetString());
        Assert.Equal(["DMSACC", "DMSTAX", "DMSROG"], notices.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("dmsCode").GetString()));
        var noControl = await officer.PostAsync($"/api/declarations/{green.GetProperty("mrn").GetString()}/inspection-result", Json("""{ "findings": false }"""));
        Assert.Equal(HttpStatusCode.Conflict, noControl.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ReroutingIsAuditedAndChangesThePerformanceFigures(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var analyst = await AnalystWithAsync(node, NeverHits);
        using var trader = await node.TraderAsync(Declarant);
        using var officer = await node.OfficerAsync();
        var mrn = (await LodgeAsync(trader)).GetProperty("mrn").GetString();
        var before = await (await analyst.GetAsync("/api/risk/performance")).JsonAsync();

        var noReason = await officer.PostAsJsonAsync($"/api/declarations/{mrn}/reroute", new { lane = "red" });
        var byTrader = await trader.PostAsJsonAsync($"/api/declarations/{mrn}/reroute", new { lane = "green", reason = "please" });
        var rerouted = await officer.PostAsJsonAsync($"/api/declarations/{mrn}/reroute", new { lane = "red", reason = "Tip-off from the port authority" });
        var inspected = await officer.PostAsJsonAsync($"/api/declarations/{mrn}/inspection-result",
            new { findings = true, categories = new[] { "quantity" }, revenueAtStake = 400m });
        var after = await (await analyst.GetAsync("/api/risk/performance")).JsonAsync();
        var csv = await (await analyst.GetAsync("/api/risk/performance?format=csv")).Content.ReadAsStringAsync();
        var reroutedBody = await rerouted.JsonAsync();
        var view = reroutedBody.GetProperty("risk");
        var change = view.GetProperty("laneChanges")[0];

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byTrader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rerouted.StatusCode);
        Assert.Equal("underControl", reroutedBody.GetProperty("status").GetString());
        Assert.Equal(("green", "red", "Tip-off from the port authority"),
            (change.GetProperty("from").GetString(), change.GetProperty("to").GetString(), change.GetProperty("reason").GetString()));
        Assert.False(string.IsNullOrEmpty(change.GetProperty("actor").GetString()));
        Assert.Equal("green", view.GetProperty("assessedLane").GetString());
        Assert.Equal(HttpStatusCode.OK, inspected.StatusCode);

        static JsonElement Lane(JsonElement report, string lane) =>
            report.GetProperty("lanes").EnumerateArray().Single(l => l.GetProperty("lane").GetString() == lane);
        Assert.Equal(1, Lane(before, "green").GetProperty("declarations").GetInt64());
        Assert.Equal(0, Lane(before, "red").GetProperty("declarations").GetInt64());
        Assert.Equal(1, Lane(after, "red").GetProperty("declarations").GetInt64());
        Assert.Equal(1, Lane(after, "red").GetProperty("reroutedIn").GetInt64());
        Assert.Equal(1, Lane(after, "red").GetProperty("findings").GetInt64());
        Assert.Equal(1.0, Lane(after, "red").GetProperty("hitRate").GetDouble());
        Assert.Equal(400m, after.GetProperty("total").GetProperty("revenue").GetDecimal());
        var never = after.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "caviar-from-mars");
        Assert.Equal(0, never.GetProperty("hits").GetInt64());
        Assert.StartsWith("kind,key,name,retired,declarations,selections,inspections,findings,hit_rate,revenue,lift\n", csv, StringComparison.Ordinal);
        var lines = csv.Split('\n');
        Assert.Equal("lane,red,,,1,,1,1,1,400,", lines.Single(l => l.StartsWith("lane,red,", StringComparison.Ordinal)));
        Assert.Equal("criterion,caviar-from-mars,Never hits,false,0,0,0,0,,0,", lines.Single(l => l.StartsWith("criterion,caviar", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ReleasedGoodsCannotBeRerouted()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite, settings: new Dictionary<string, string?> { ["SmartCustoms:Risk:AutoRelease"] = "true" });
        using var trader = await node.TraderAsync(Declarant);
        using var officer = await node.OfficerAsync();
        var mrn = (await LodgeAsync(trader)).GetProperty("mrn").GetString();

        var refused = await officer.PostAsJsonAsync($"/api/declarations/{mrn}/reroute", new { lane = "red", reason = "too late" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    [Fact]
    public async Task CriteriaSeeNewTradersAndPricesFarBelowTheNodesOwnMedians()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite, settings: new Dictionary<string, string?>
        {
            ["SmartCustoms:Risk:MinPriceObservations"] = "3",
        });
        using var analyst = await AnalystWithAsync(node, """
            { "id": "new-trader", "name": "New trader", "weight": 120, "when": { "field": "newTrader", "op": "eq", "value": true } }
            """);
        using var newcomer = await node.TraderAsync("GB999999999000");
        using var officer = await node.OfficerAsync();
        var first = await (await newcomer.PostAsJsonAsync("/api/declarations", Samples.Import("GB999999999000"))).JsonAsync();
        for (var i = 0; i < 3; i++)
        {
            await newcomer.PostAsJsonAsync("/api/declarations", Samples.Import("GB999999999000"));
        }

        // Saving a criterion makes the node reload what it knows, the prices lodged so far among it.
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/risk/criteria", Json("""
            { "id": "cheap", "name": "Under 30% of the usual price", "weight": 130,
              "when": { "field": "unitPriceRatio", "op": "lt", "value": 0.3 } }
            """))).StatusCode);
        var cheap = Samples.Import("GB999999999000");
        cheap["invoiceAmount"]!["amount"] = 100;
        cheap["items"]![0]!["itemPrice"]!["amount"] = 100;
        var lodged = await (await newcomer.PostAsJsonAsync("/api/declarations", cheap)).JsonAsync();
        var view = await (await officer.GetAsync($"/api/declarations/{lodged.GetProperty("mrn").GetString()}")).JsonAsync();
        var firstView = await (await officer.GetAsync($"/api/declarations/{first.GetProperty("mrn").GetString()}")).JsonAsync();

        Assert.Equal(["new-trader"], firstView.GetProperty("risk").GetProperty("explanation").GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
        Assert.Contains("cheap", view.GetProperty("risk").GetProperty("explanation").GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ACriterionSavedOnOneServerSelectsOnAnotherOfTheSameDatabase(string provider)
    {
        // One clock for both servers, moved by the test: RefreshSeconds (5 by default) pass at once.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var first = await TestNode.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        await using var second = await TestNode.StartAsync(provider, shareWith: first, services: s => s.AddSingleton<TimeProvider>(clock));
        using var trader = await second.TraderAsync(Declarant);
        var before = await LodgeAsync(trader);

        using var analyst = await AnalystWithAsync(first, ShaverParts);
        var withinInterval = await LodgeAsync(trader);
        clock.Advance(TimeSpan.FromSeconds(5));
        var after = await LodgeAsync(trader);

        Assert.Equal("no-control", before.GetProperty("consequence").GetString());
        Assert.Equal("no-control", withinInterval.GetProperty("consequence").GetString());
        Assert.Equal("physical-examination", after.GetProperty("consequence").GetString());
    }
}
