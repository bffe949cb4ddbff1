using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Server.Tests.Infrastructure;
using static SmartCustoms.Server.Tests.Exchange.ExchangeDeliveryTests;

namespace SmartCustoms.Server.Tests.Exchange;

/// <summary>
/// Risk alerts: CN's analyst warns SG, SG's analysts see a proposed criterion that changes no lane until one of them
/// adopts it; then imports matching it hit it at lodging. Only analysts send, see and decide.
/// </summary>
public sealed class RiskAlertTests : IDisposable
{
    private const string SgImporter = "SG123456789000";

    private readonly ECDsa _cnKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _cnKey.Dispose();

    /// <summary>Shaver parts (Samples.Import's 8510) from China.</summary>
    private static JsonObject Alert(string partner = "SG") => new()
    {
        ["partner"] = partner,
        ["title"] = "Shaver parts under-declared",
        ["text"] = "Exports of shaver parts declared at a tenth of their price; the same consignments go on to you.",
        ["targeting"] = new JsonObject { ["hsCodes"] = new JsonArray("8510"), ["origins"] = new JsonArray("cn"), ["validDays"] = 30 },
    };

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AnAlertFromCnBecomesAProposalAtSgThatAppliesToLodgingOnlyOnceAnAnalystAdoptsIt(string provider)
    {
        await using var nodes = await PairedNodes.StartAsync(provider);
        await AllowRiskAlertsAsync(nodes);
        using var cnAnalyst = await nodes.Cn.ClientForAsync("analyst");
        using var sgAnalyst = await nodes.Sg.ClientForAsync("analyst");
        using var sgTrader = await nodes.Sg.TraderAsync(SgImporter);
        using var sgOfficer = await nodes.Sg.OfficerAsync();

        var sent = await cnAnalyst.PostAsJsonAsync("/api/exchange/alerts", Alert());
        var messageId = (await sent.JsonAsync()).GetProperty("id").GetString();
        var outbox = await ExchangeSamples.EventuallyAsync(() => nodes.Cn.MessagesAsync("out"),
            m => m.Length == 1 && m[0].GetProperty("status").GetString() == "delivered", "delivered");
        var proposal = Assert.Single(await sgAnalyst.GetFromJsonAsync<JsonElement[]>("/api/risk/proposals?status=proposed") ?? []);
        var id = proposal.GetProperty("id").GetString();
        var parsed = CriterionJson.Parse(proposal.GetProperty("criterion").GetRawText());
        Assert.Null(parsed.Refusal);
        var criterion = parsed.Value;
        var criterionId = criterion.Id!;

        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.Equal(messageId, outbox[0].GetProperty("id").GetString());
        Assert.Equal("risk-alert", outbox[0].GetProperty("type").GetString());
        Assert.Equal(("CN", messageId, "Shaver parts under-declared"),
            (proposal.GetProperty("sender").GetString(), proposal.GetProperty("messageId").GetString(), proposal.GetProperty("title").GetString()));
        Assert.Equal(["CN"], proposal.GetProperty("targeting").GetProperty("origins").EnumerateArray().Select(o => o.GetString()));
        Assert.True(CriterionCompiler.Compile(criterion, 1).IsValid);
        Assert.StartsWith("alert-cn-", criterionId, StringComparison.Ordinal);
        Assert.Equal(RiskAlerts.DefaultWeight, criterion.Weight);
        Assert.Equal(DateOnly.FromDateTime(proposal.GetProperty("createdAt").GetDateTimeOffset().UtcDateTime.AddDays(30)), criterion.ValidTo);

        // Proposed only: a matching import lodged now does not hit it.
        Assert.DoesNotContain(criterionId, await HitsAsync(sgTrader, sgOfficer, Samples.Import(SgImporter)));

        var adopted = await sgAnalyst.PostAsync($"/api/risk/proposals/{id}/adopt", null);
        var again = await sgAnalyst.PostAsync($"/api/risk/proposals/{id}/adopt", null);
        var matching = await HitsAsync(sgTrader, sgOfficer, Samples.Import(SgImporter));
        var fromVietnam = Samples.Import(SgImporter);
        fromVietnam["items"]![0]!["origin"] = "VN";
        var notMatching = await HitsAsync(sgTrader, sgOfficer, fromVietnam);
        var decided = await sgAnalyst.GetFromJsonAsync<JsonElement>($"/api/risk/proposals/{id}");

        Assert.Equal(HttpStatusCode.OK, adopted.StatusCode);
        Assert.Equal(criterionId, (await adopted.JsonAsync()).GetProperty("criterion").GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(["proposal.decided"], (await again.JsonAsync()).ErrorCodes());
        Assert.Contains(criterionId, matching);
        Assert.DoesNotContain(criterionId, notMatching);
        Assert.Equal("adopted", decided.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(decided.GetProperty("decidedBy").GetString()));
        Assert.Equal(criterionId, decided.GetProperty("criterionId").GetString());
        Assert.Equal(1, decided.GetProperty("criterionVersion").GetInt32());
        Assert.Empty(await sgAnalyst.GetFromJsonAsync<JsonElement[]>("/api/risk/proposals?status=proposed") ?? []);
        Assert.Single(await sgAnalyst.GetFromJsonAsync<JsonElement[]>($"/api/risk/criteria/{criterionId}/history") ?? []);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task OnlyAnAnalystSendsAndOnlyToAPartnerAgreedForAlertsWithEveryFaultPointingAtItsField(string provider)
    {
        await using var nodes = await PairedNodes.StartAsync(provider);
        using var analyst = await nodes.Cn.ClientForAsync("analyst");
        using var officer = await nodes.Cn.OfficerAsync();
        using var anonymous = nodes.Cn.Client(null);

        var notAgreed = await analyst.PostAsJsonAsync("/api/exchange/alerts", Alert());
        var unknown = await analyst.PostAsJsonAsync("/api/exchange/alerts", Alert("US"));
        var asTrader = await nodes.Exporter.PostAsJsonAsync("/api/exchange/alerts", Alert());
        var asOfficer = await officer.PostAsJsonAsync("/api/exchange/alerts", Alert());
        var asNobody = await anonymous.PostAsJsonAsync("/api/exchange/alerts", Alert());
        await AllowRiskAlertsAsync(nodes);
        var bad = Alert();
        bad["title"] = " ";
        bad["text"] = new string('x', RiskAlerts.MaxTextLength + 1);
        bad["targeting"] = new JsonObject
        {
            ["hsCodes"] = new JsonArray("8510", "85A0", "8"), ["origins"] = new JsonArray("XX"), ["parties"] = new JsonArray(""),
            ["exportCountries"] = new JsonArray("CN", "QQ"), ["validDays"] = 0,
        };
        var invalid = await analyst.PostAsJsonAsync("/api/exchange/alerts", bad);
        var empty = Alert();
        empty["targeting"] = new JsonObject { ["hsCodes"] = new JsonArray() };
        empty.Remove("partner");
        var emptyResponse = await analyst.PostAsJsonAsync("/api/exchange/alerts", empty);
        var stray = Alert();
        stray["priority"] = "high";
        var strayResponse = await analyst.PostAsJsonAsync("/api/exchange/alerts", stray);
        var huge = await analyst.PostAsync("/api/exchange/alerts", new StringContent(new string(' ', 64 * 1024) + "{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Conflict, notAgreed.StatusCode);
        Assert.Equal(["partner.not-agreed"], (await notAgreed.JsonAsync()).ErrorCodes());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal(["/partner"], (await unknown.JsonAsync()).ErrorPointers());
        Assert.Equal(HttpStatusCode.Forbidden, asTrader.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, asNobody.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(
            ["/title", "/text", "/targeting/hsCodes/1", "/targeting/hsCodes/2", "/targeting/origins/0", "/targeting/parties/0", "/targeting/exportCountries/1",
             "/targeting/validDays"],
            (await invalid.JsonAsync()).ErrorPointers());
        Assert.Equal(HttpStatusCode.BadRequest, emptyResponse.StatusCode);
        var emptyProblem = await emptyResponse.JsonAsync();
        Assert.Equal(["required", "targeting.empty"], emptyProblem.ErrorCodes());
        Assert.Equal(["/partner", "/targeting"], emptyProblem.ErrorPointers());
        Assert.Equal(HttpStatusCode.BadRequest, strayResponse.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Empty(await nodes.Cn.MessagesAsync("out"));
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AReplayedAlertMakesNoSecondProposalAndAMalformedOneIsRefused(string provider)
    {
        await using var sg = await StartSgAsync(provider);
        using var partner = sg.Client(null);
        using var analyst = await sg.ClientForAsync("analyst");
        var message = Sign(Envelope());

        var first = await partner.PostAsync("/api/exchange/inbox", Jose(message));
        var replay = await partner.PostAsync("/api/exchange/inbox", Jose(message));
        (string Case, Action<JsonObject> Change)[] malformed =
        [
            ("an HS prefix with a letter", p => p["targeting"]!["hsCodes"] = new JsonArray("85A0")),
            ("an unknown origin", p => p["targeting"]!["origins"] = new JsonArray("XX")),
            ("no targeting at all", p => p["targeting"] = new JsonObject()),
            ("no title", p => p.Remove("title")),
            ("a member not in the format", p => p["priority"] = "high"),
            ("targeting that is no object", p => p["targeting"] = "everything"),
        ];

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        foreach (var (name, change) in malformed)
        {
            var response = await partner.PostAsync("/api/exchange/inbox", Jose(Sign(Envelope(change))));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal(["payload.invalid"], (await response.JsonAsync()).ErrorCodes());
        }

        Assert.Single(await sg.MessagesAsync("in"));
        var proposal = Assert.Single(await analyst.GetFromJsonAsync<JsonElement[]>("/api/risk/proposals") ?? []);
        Assert.Equal("proposed", proposal.GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task OnlyAnalystsSeeAndDecideProposalsEachOnceAnEditedCriterionIsCompiledAndADismissalNeedsAReason(string provider)
    {
        await using var sg = await StartSgAsync(provider);
        using var partner = sg.Client(null);
        using var analyst = await sg.ClientForAsync("analyst");
        using var officer = await sg.OfficerAsync();
        using var trader = await sg.TraderAsync(SgImporter);
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync("/api/exchange/inbox", Jose(Sign(Envelope())))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync("/api/exchange/inbox", Jose(Sign(Envelope(p => p["title"] = "Second alert"))))).StatusCode);
        var proposals = await analyst.GetFromJsonAsync<JsonElement[]>("/api/risk/proposals") ?? [];
        var (second, first) = (proposals[0].GetProperty("id").GetString(), proposals[1].GetProperty("id").GetString());
        var criterion = JsonNode.Parse(proposals[1].GetProperty("criterion").GetRawText())!.AsObject();

        var officerList = await officer.GetAsync("/api/risk/proposals");
        var officerAdopt = await officer.PostAsync($"/api/risk/proposals/{first}/adopt", null);
        var traderAdopt = await trader.PostAsync($"/api/risk/proposals/{first}/adopt", null);
        var traderDismiss = await trader.PostAsJsonAsync($"/api/risk/proposals/{first}/dismiss", new { reason = "no" });
        criterion["weight"] = 5000;
        var badEdit = await analyst.PostAsJsonAsync($"/api/risk/proposals/{first}/adopt", criterion);
        criterion["weight"] = 120;
        criterion["minimumLane"] = "yellow";
        var edited = await analyst.PostAsJsonAsync($"/api/risk/proposals/{first}/adopt", criterion);
        var noReason = await analyst.PostAsJsonAsync($"/api/risk/proposals/{second}/dismiss", new { reason = " " });
        var dismissed = await analyst.PostAsJsonAsync($"/api/risk/proposals/{second}/dismiss", new { reason = "We see no such trade." });
        var adoptDismissed = await analyst.PostAsync($"/api/risk/proposals/{second}/adopt", null);
        var unknown = await analyst.PostAsync("/api/risk/proposals/nope/adopt", null);
        var badQuery = await analyst.GetAsync("/api/risk/proposals?status=maybe");

        Assert.Equal(["Second alert", "Shaver parts under-declared"], proposals.Select(p => p.GetProperty("title").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, officerList.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, officerAdopt.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, traderAdopt.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, traderDismiss.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badEdit.StatusCode);
        Assert.Equal(["/weight"], (await badEdit.JsonAsync()).ErrorPointers());
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var saved = (await edited.JsonAsync()).GetProperty("criterion");
        Assert.Equal(120m, saved.GetProperty("document").GetProperty("weight").GetDecimal());
        Assert.Equal("yellow", saved.GetProperty("document").GetProperty("minimumLane").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(["/reason"], (await noReason.JsonAsync()).ErrorPointers());
        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        var dismissedView = await dismissed.JsonAsync();
        Assert.Equal(("dismissed", "We see no such trade."), (dismissedView.GetProperty("status").GetString(), dismissedView.GetProperty("reason").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, adoptDismissed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badQuery.StatusCode);
        Assert.Equal([first], (await analyst.GetFromJsonAsync<JsonElement[]>("/api/risk/proposals?status=adopted") ?? []).Select(p => p.GetProperty("id").GetString()));
        Assert.Equal([second], (await analyst.GetFromJsonAsync<JsonElement[]>("/api/risk/proposals?status=dismissed") ?? []).Select(p => p.GetProperty("id").GetString()));
    }

    /// <summary>Lodges <paramref name="declaration"/> and returns the ids of the criteria its risk explanation says it hit.</summary>
    private static async Task<string[]> HitsAsync(HttpClient trader, HttpClient officer, JsonObject declaration)
    {
        var lodged = await trader.PostAsJsonAsync("/api/declarations", declaration);
        Assert.Equal(HttpStatusCode.Created, lodged.StatusCode);
        var mrn = (await lodged.JsonAsync()).GetProperty("mrn").GetString();
        var view = await officer.GetFromJsonAsync<JsonElement>($"/api/declarations/{mrn}");
        return [.. view.GetProperty("risk").GetProperty("explanation").GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!)];
    }

    private static async Task AllowRiskAlertsAsync(PairedNodes nodes)
    {
        Assert.Equal(HttpStatusCode.Created,
            (await LoopbackRouter.RegisterAsync(nodes.Cn, nodes.Sg, ExchangeSamples.WithRiskAlerts(ExchangeSamples.SenderAgreement()))).StatusCode);
        Assert.Equal(HttpStatusCode.Created,
            (await LoopbackRouter.RegisterAsync(nodes.Sg, nodes.Cn, ExchangeSamples.WithRiskAlerts(ExchangeSamples.ReceiverAgreement()))).StatusCode);
    }

    private Task<TestNode> StartSgAsync(string provider) => StartSgAsync(provider, _cnKey);

    private string Sign(JsonObject envelope) => Sign(envelope, _cnKey);

    /// <summary>SG with CN registered under <paramref name="cnKey"/>, so that a test can sign (and replay) CN's messages by hand.</summary>
    internal static async Task<TestNode> StartSgAsync(string provider, ECDsa cnKey)
    {
        var sg = await TestNode.StartAsync(provider, settings: new Dictionary<string, string?> { ["SmartCustoms:NodeId"] = "SG" });
        var card = new NodeCard
        {
            NodeId = "CN", Country = "CN", BaseUrl = LoopbackRouter.BaseUrl("CN"),
            Keys = [Jwk.FromKey(cnKey, DateTimeOffset.UtcNow.AddDays(-1), null)],
        };
        using var admin = sg.Admin();
        var agreement = ExchangeSamples.WithRiskAlerts(ExchangeSamples.ReceiverAgreement());
        var registered = await admin.PostAsJsonAsync("/api/exchange/partners", new { card, agreement }, ExchangeJson.Options);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return sg;
    }

    /// <summary>A risk alert from CN to SG about shaver parts (8510) and a CN exporter; <paramref name="changePayload"/> changes its payload.</summary>
    internal static JsonObject Envelope(Action<JsonObject>? changePayload = null)
    {
        var now = DateTimeOffset.UtcNow;
        var payload = new JsonObject
        {
            ["title"] = "Shaver parts under-declared",
            ["text"] = "Seen at our exports.",
            ["targeting"] = new JsonObject { ["hsCodes"] = new JsonArray("8510"), ["parties"] = new JsonArray("CN123456789000") },
        };
        changePayload?.Invoke(payload);
        return new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString("N"),
            ["type"] = "risk-alert",
            ["sender"] = "CN",
            ["recipient"] = "SG",
            ["createdAt"] = now.AddMinutes(-1),
            ["sentAt"] = now,
            ["payload"] = payload,
        };
    }

    internal static string Sign(JsonObject envelope, ECDsa cnKey) =>
        Jws.Sign(Encoding.UTF8.GetBytes(envelope.ToJsonString()), Jwk.FromKey(cnKey, DateTimeOffset.UtcNow, null).Kid!, ExchangeMediaTypes.Message, cnKey);

    internal static StringContent Jose(string body) => new(body, Encoding.ASCII, ExchangeMediaTypes.Jose);
}
