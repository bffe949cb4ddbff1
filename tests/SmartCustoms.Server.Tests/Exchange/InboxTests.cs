using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Exchange;

/// <summary>
/// SG's inbox against messages made by hand with a key registered for CN (and others that are not): only a message
/// signed by a registered partner, for SG, of an agreed type, sent just now, is stored, and only once.
/// </summary>
public sealed class InboxTests : IDisposable
{
    private readonly ECDsa _cnKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose()
    {
        _cnKey.Dispose();
        _otherKey.Dispose();
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AMessageIsStoredOnceAndAReplayIsAnsweredWithTheSameSignedReceipt(string provider)
    {
        await using var sg = await StartSgAsync(provider);
        using var partner = sg.Client(null);
        var message = Sign(Envelope(), _cnKey);

        var first = await partner.PostAsync("/api/exchange/inbox", Jose(message));
        var replay = await partner.PostAsync("/api/exchange/inbox", Jose(message));
        var firstReceipt = await first.Content.ReadAsStringAsync();
        var card = await partner.GetFromJsonAsync<NodeCard>("/api/exchange/node-card");
        var receipt = Jws.Parse(firstReceipt)!;
        using var sgKey = card!.Keys.Single(k => k.Kid == receipt.KeyId).ToVerifier()!;
        var content = JsonSerializer.Deserialize<MessageReceipt>(receipt.Payload, ExchangeJson.Options)!;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(ExchangeMediaTypes.Jose, first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(firstReceipt, await replay.Content.ReadAsStringAsync());
        Assert.True(receipt.VerifiedBy(sgKey));
        Assert.Equal(ExchangeMediaTypes.Receipt, receipt.Type);
        Assert.Equal(("CN", "SG"), (content.Sender, content.Recipient));
        Assert.Single(await sg.MessagesAsync("in"));
        using var officer = await sg.OfficerAsync();
        Assert.Single(await officer.GetFromJsonAsync<JsonElement[]>("/api/exchange/export-data?container=MSCU1234566") ?? []);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task RefusesTamperedWrongKeyUnknownSenderWrongRecipientStaleFutureAndDisallowedMessages(string provider)
    {
        await using var sg = await StartSgAsync(provider);
        using var partner = sg.Client(null);
        var now = DateTimeOffset.UtcNow;
        var genuine = Sign(Envelope(), _cnKey).Split('.');
        var tampered = string.Join('.', genuine[0], Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Envelope(e => e["type"] = "export-data ").ToJsonString())), genuine[2]);
        var otherKid = Jwk.FromKey(_otherKey, now, null).Kid!;

        (string Case, string Body, HttpStatusCode Status, string Code)[] cases =
        [
            ("tampered payload", tampered, HttpStatusCode.Unauthorized, "signature.invalid"),
            ("CN's kid, another key", Sign(Envelope(), _otherKey, kid: CnKid), HttpStatusCode.Unauthorized, "signature.invalid"),
            ("unknown sender's own key", Sign(Envelope(e => e["sender"] = "US"), _otherKey, kid: otherKid), HttpStatusCode.Unauthorized, "sender.unknown"),
            ("CN's key claiming to be US", Sign(Envelope(e => e["sender"] = "US"), _cnKey), HttpStatusCode.Forbidden, "sender.mismatch"),
            ("for another node", Sign(Envelope(e => e["recipient"] = "GB"), _cnKey), HttpStatusCode.Forbidden, "recipient.wrong"),
            ("type not agreed", Sign(Envelope(e => e["type"] = "control-result"), _cnKey), HttpStatusCode.Forbidden, "type.not-agreed"),
            ("sent 10 minutes ago", Sign(Envelope(e => e["sentAt"] = now.AddMinutes(-10)), _cnKey), HttpStatusCode.BadRequest, "message.stale"),
            ("sent 10 minutes ahead", Sign(Envelope(e => e["sentAt"] = now.AddMinutes(10)), _cnKey), HttpStatusCode.BadRequest, "message.future"),
            ("no sending time", Sign(Envelope(e => e.Remove("sentAt")), _cnKey), HttpStatusCode.BadRequest, "message.stale"),
            ("not a JWS", "hello", HttpStatusCode.BadRequest, "message.malformed"),
            ("a receipt, not a message", Jws.Sign(Encoding.UTF8.GetBytes(Envelope().ToJsonString()), CnKid, ExchangeMediaTypes.Receipt, _cnKey), HttpStatusCode.BadRequest, "message.malformed"),
            ("export data without its MRN", Sign(Envelope(e => e["payload"]!.AsObject().Remove("mrn")), _cnKey), HttpStatusCode.BadRequest, "payload.invalid"),
        ];

        foreach (var (name, body, status, code) in cases)
        {
            var response = await partner.PostAsync("/api/exchange/inbox", Jose(body));
            Assert.True(response.StatusCode == status, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal([code], (await response.JsonAsync()).ErrorCodes());
        }

        var tooLarge = await partner.PostAsync("/api/exchange/inbox", Jose(new string('a', 2 * 1024 * 1024)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Empty(await sg.MessagesAsync("in"));
    }

    private string CnKid => Jwk.FromKey(_cnKey, DateTimeOffset.UtcNow, null).Kid!;

    private Task<TestNode> StartSgAsync(string provider) => InboxPartner.StartSgAsync(provider, _cnKey);

    private static JsonObject Envelope(Action<JsonObject>? change = null) => InboxPartner.Envelope(change);

    private string Sign(JsonObject envelope, ECDsa key, string? kid = null) =>
        Jws.Sign(Encoding.UTF8.GetBytes(envelope.ToJsonString()), kid ?? CnKid, ExchangeMediaTypes.Message, key);

    private static StringContent Jose(string body) => new(body, Encoding.ASCII, ExchangeMediaTypes.Jose);
}
