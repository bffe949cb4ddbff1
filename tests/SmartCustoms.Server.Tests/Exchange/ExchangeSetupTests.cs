using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartCustoms.Server.Exchange;
using SmartCustoms.Server.Secrets;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Exchange;

/// <summary>The node's identity (card, key file, rotation) and the registration of partners.</summary>
public sealed class ExchangeSetupTests
{
    [Fact]
    public async Task TheNodeCardPublishesAPublicKeyWhosePrivateHalfIsSealedByAKeyFileOnlyTheNodeCanRead()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite, settings: new Dictionary<string, string?>
        {
            ["SmartCustoms:NodeId"] = "SG", ["SmartCustoms:Exchange:BaseUrl"] = "https://customs.example.sg/",
        });
        using var anonymous = node.Client(null);

        var card = await anonymous.GetFromJsonAsync<JsonObject>("/api/exchange/node-card");
        var file = Path.Combine(node.DataDirectory, SecretProtector.KeyFileName);

        Assert.Equal("SG", card!["nodeId"]!.GetValue<string>());
        Assert.Equal("SG", card["country"]!.GetValue<string>());
        Assert.Equal("https://customs.example.sg", card["baseUrl"]!.GetValue<string>());
        var key = Assert.Single(card["keys"]!.AsArray())!.AsObject();
        Assert.Equal(("EC", "P-256", "ES256"), (key["kty"]!.GetValue<string>(), key["crv"]!.GetValue<string>(), key["alg"]!.GetValue<string>()));
        Assert.False(key.ContainsKey("d"));
        Assert.True(File.Exists(file));
        Assert.False(File.Exists(Path.Combine(node.DataDirectory, NodeKeyRing.LegacyFileName)));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task RotationMakesANewSigningKeyWhileTheOldOneStaysPublishedForTheGracePeriod()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite, settings: new Dictionary<string, string?> { ["SmartCustoms:Exchange:KeyGracePeriod"] = "2.00:00:00" });
        using var anonymous = node.Client(null);
        using var admin = node.Admin();
        var before = await anonymous.GetFromJsonAsync<JsonObject>("/api/exchange/node-card");
        var oldKid = before!["keys"]![0]!["kid"]!.GetValue<string>();

        var rotated = await admin.PostAsync("/api/exchange/keys/rotation", null);
        var body = await rotated.JsonAsync();
        var after = await anonymous.GetFromJsonAsync<JsonObject>("/api/exchange/node-card");
        var keys = after!["keys"]!.AsArray().Select(k => k!.AsObject()).ToList();
        using var trader = await node.TraderAsync("GB123456789000");

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newKid = body.GetProperty("currentKid").GetString();
        Assert.NotEqual(oldKid, newKid);
        Assert.Equal([oldKid, newKid], keys.Select(k => k["kid"]!.GetValue<string>()));
        var oldUntil = keys[0]["notAfter"]!.GetValue<DateTimeOffset>();
        Assert.InRange(oldUntil, DateTimeOffset.UtcNow.AddDays(1), DateTimeOffset.UtcNow.AddDays(3));
        Assert.False(keys[1].ContainsKey("notAfter"));
        Assert.Equal(HttpStatusCode.Forbidden, (await trader.PostAsync("/api/exchange/keys/rotation", null)).StatusCode);
    }

    [Fact]
    public async Task AKeyOfOnePartnerCannotBeRegisteredForAnotherWhileThePartnerItselfMayRegisterAgain()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var admin = node.Admin();
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var jwk = JsonSerializer.SerializeToNode(SmartCustoms.Domain.Exchange.Jwk.FromKey(key, DateTimeOffset.UtcNow, null), SmartCustoms.Domain.Exchange.ExchangeJson.Options);
        JsonObject Registration(string nodeId) => new()
        {
            ["card"] = new JsonObject { ["nodeId"] = nodeId, ["country"] = nodeId, ["baseUrl"] = $"https://{nodeId}.example", ["keys"] = new JsonArray(jwk!.DeepClone()) },
            ["agreement"] = ExchangeSamples.ReceiverAgreement(),
        };

        var first = await admin.PostAsJsonAsync("/api/exchange/partners", Registration("CN"));
        var again = await admin.PostAsJsonAsync("/api/exchange/partners", Registration("CN"));
        var impostor = await admin.PostAsJsonAsync("/api/exchange/partners", Registration("US"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, impostor.StatusCode);
        Assert.Equal(["/card/keys/0/kid"], (await impostor.JsonAsync()).ErrorPointers());
        Assert.Single(await admin.GetFromJsonAsync<JsonElement[]>("/api/exchange/partners") ?? []);
    }

    [Fact]
    public async Task ARegistrationWithFaultsIsRefusedWithAPointerToEachAndOnlyAdminsRegister()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var admin = node.Admin();
        using var officer = await node.OfficerAsync();
        var registration = new JsonObject
        {
            ["card"] = new JsonObject
            {
                ["nodeId"] = "cn", ["country"] = "CN", ["baseUrl"] = "ftp://cn.example",
                ["keys"] = new JsonArray(new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = "AAAA", ["y"] = "AAAA", ["kid"] = "k1" }),
            },
            ["agreement"] = new JsonObject
            {
                ["weSend"] = new JsonArray("export-data", "gossip"),
                ["sharedFields"] = new JsonArray("items.hsCode", "exporter.passport"),
                ["controlResults"] = new JsonObject { ["recognised"] = true, ["lanes"] = new JsonArray("green") },
            },
        };

        var refused = await admin.PostAsJsonAsync("/api/exchange/partners", registration);
        var problem = await refused.JsonAsync();
        var malformed = await admin.PostAsync("/api/exchange/partners", new StringContent("{\"card\": {\"nodeId\": 5}}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(
            ["/agreement/controlResults/lanes/0", "/agreement/sharedFields/1", "/agreement/weSend/1", "/card/baseUrl", "/card/keys/0", "/card/nodeId"],
            problem.ErrorPointers().Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(["/card/nodeId"], (await malformed.JsonAsync()).ErrorPointers());
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/exchange/partners", registration)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/exchange/partners")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/exchange/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await node.Client(null).GetAsync("/api/exchange/messages")).StatusCode);
        Assert.Empty(await admin.GetFromJsonAsync<JsonElement[]>("/api/exchange/partners") ?? []);
    }
}
