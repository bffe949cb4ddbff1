using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Server.Tests.Exchange;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Fuzz;

/// <summary>
/// Hostile input on the exchange: partner registrations, risk alerts, and messages in the inbox that are validly
/// signed by a registered partner around a fuzzed envelope, so that the envelope and payload checks are what answers.
/// </summary>
public sealed class ExchangeFuzzTests : IDisposable
{
    private const int Drawn = 30;
    private readonly ECDsa _cnKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _cnKey.Dispose();

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task SignedInboxMessagesWithHostileEnvelopesAreRefusedAndNothingIsStored(string provider)
    {
        await using var sg = await StartSgAsync(provider);
        using var partner = sg.Client(null);
        using var admin = sg.Admin();
        Task<string> Inbox() => admin.GetStringAsync("/api/exchange/messages?direction=in");
        // Each case has an id of its own: one taken would otherwise answer the next with its receipt, as a replay.
        var text = Envelope().ToJsonString();
        var cases = new List<FuzzCase>
        {
            Signed("envelope JSON null", "null"u8.ToArray()),
            Signed("envelope an array", "[]"u8.ToArray()),
            Signed("envelope a number", "12"u8.ToArray()),
            Signed("envelope a string", "\"\\ud800\""u8.ToArray()),
            Signed("envelope empty", []),
            Signed("envelope truncated", Encoding.UTF8.GetBytes(text[..(text.Length / 2)])),
            Signed("lone surrogate in the id", Encoding.UTF8.GetBytes(Envelope().ToJsonString().Replace("\"id\":\"", "\"id\":\"\\ud800", StringComparison.Ordinal))),
            Signed("lone surrogate in the payload", Encoding.UTF8.GetBytes(Envelope().ToJsonString().Replace("MSCU1234566", "\\ud800", StringComparison.Ordinal))),
            Signed("lone surrogate in a payload name", Encoding.UTF8.GetBytes(Envelope().ToJsonString().Replace("\"transport\"", "\"\\udc00\"", StringComparison.Ordinal))),
            Signed("invalid UTF-8 in the payload", [.. Encoding.UTF8.GetBytes(Envelope().ToJsonString().Replace("MSCU1234566", "MSCU", StringComparison.Ordinal)).TakeWhile(b => b != (byte)'M'), 0xFF, .. Encoding.UTF8.GetBytes("MSCU\"}]}}}}")]),
            Signed("null container", Encoding.UTF8.GetBytes(Envelope().ToJsonString().Replace("[{\"id\":\"MSCU1234566\"}]", "[null]", StringComparison.Ordinal))),
            Signed("payload null", Encoding.UTF8.GetBytes(Envelope(e => e["payload"] = null).ToJsonString())),
            new("unsigned JSON", Encoding.UTF8.GetBytes(text), "application/json"),
            new("signed, sent as JSON", Encoding.ASCII.GetBytes(Sign(Encoding.UTF8.GetBytes(text))), "application/json"),
            new("three dots of garbage", "\u00ff.\u00ff.\u00ff"u8.ToArray(), ExchangeMediaTypes.Jose),
            new("header with a lone surrogate kid", Encoding.ASCII.GetBytes(
                System.Buffers.Text.Base64Url.EncodeToString("{\"alg\":\"ES256\",\"kid\":\"\\ud800\",\"typ\":\"application/smartcustoms-message+jwt\"}"u8) + ".e30.AAAA"), ExchangeMediaTypes.Jose),
        };
        cases.AddRange(Fuzzing.Cases(Mutation.Gen, Drawn).Select(m => Signed("envelope " + m, m.Apply(Envelope()))));

        var taken = await BodyFuzz.RunAsync(partner, HttpMethod.Post, "/api/exchange/inbox", cases, Inbox);

        var stored = (await admin.GetFromJsonAsync<JsonArray>("/api/exchange/messages?direction=in"))!;
        Assert.True(stored.Count <= taken, $"{stored.Count} messages stored from {taken} taken");
        var refused = await partner.PostAsync("/api/exchange/inbox", cases[0].Content());
        Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, await refused.Content.ReadAsStringAsync());
        Assert.Equal(["envelope.invalid"], (await refused.JsonAsync()).ErrorCodes());
        var surrogate = await partner.PostAsync("/api/exchange/inbox", cases[7].Content());
        Assert.True(surrogate.StatusCode == HttpStatusCode.BadRequest, await surrogate.Content.ReadAsStringAsync());
        Assert.Equal(["/payload/declaration/transport/containers/0/id"], (await surrogate.JsonAsync()).ErrorPointers());
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task PartnerRegistrationsAndAlertsAreTakenOrRefusedNeverFailed(string provider)
    {
        await using var sg = await StartSgAsync(provider);
        using var admin = sg.Admin();
        using var analyst = await sg.ClientForAsync("analyst");
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var registration = new JsonObject
        {
            ["card"] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(new NodeCard
            {
                NodeId = "FR", Country = "FR", BaseUrl = "http://127.0.0.1:9", Keys = [Jwk.FromKey(other, DateTimeOffset.UtcNow.AddDays(-1), null)],
            }, ExchangeJson.Options)),
            ["agreement"] = ExchangeSamples.WithRiskAlerts(ExchangeSamples.ReceiverAgreement()),
        };
        Task<string> Partners() => admin.GetStringAsync("/api/exchange/partners");

        var withNullKey = registration.DeepClone();
        withNullKey["card"]!["keys"] = new JsonArray((JsonNode?)null);
        var nullKey = await admin.PostAsync("/api/exchange/partners", Fuzzing.Body(Encoding.UTF8.GetBytes(withNullKey.ToJsonString()), "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, nullKey.StatusCode);
        Assert.Equal(["/card/keys/0"], (await nullKey.JsonAsync()).ErrorPointers());

        await BodyFuzz.RunAsync(admin, HttpMethod.Post, "/api/exchange/partners", BodyFuzz.Cases(registration, Drawn, maxNodes: 20), Partners);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/exchange/partners",
            Fuzzing.Body(Encoding.UTF8.GetBytes(registration.ToJsonString()), "application/json"))).StatusCode);

        var alert = new JsonObject
        {
            ["partner"] = "FR", ["title"] = "Shaver parts under-declared", ["text"] = "Declared at a tenth of their price.",
            ["targeting"] = new JsonObject { ["hsCodes"] = new JsonArray("8510"), ["origins"] = new JsonArray("cn"), ["validDays"] = 30 },
        };
        // Deliveries to FR fail in the background and change each message's status: what is compared is which messages exist.
        await BodyFuzz.RunAsync(analyst, HttpMethod.Post, "/api/exchange/alerts", BodyFuzz.Cases(alert, Drawn), async () => string.Join(',',
            (await admin.GetFromJsonAsync<JsonArray>("/api/exchange/messages?direction=out"))!.Select(m => (string?)m!["id"]).Order(StringComparer.Ordinal)));
    }

    private FuzzCase Signed(string name, byte[] envelope) => new(name, Encoding.ASCII.GetBytes(Sign(envelope)), ExchangeMediaTypes.Jose);

    private string Sign(byte[] envelope) =>
        Jws.Sign(envelope, Jwk.FromKey(_cnKey, DateTimeOffset.UtcNow, null).Kid!, ExchangeMediaTypes.Message, _cnKey);

    private Task<TestNode> StartSgAsync(string provider) => InboxPartner.StartSgAsync(provider, _cnKey);

    private static JsonObject Envelope(Action<JsonObject>? change = null) => InboxPartner.Envelope(change);
}
