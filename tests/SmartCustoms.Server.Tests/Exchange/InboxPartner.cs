using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Exchange;

/// <summary>An SG node with CN registered as its partner under a given key, and an export-data envelope CN would send it.</summary>
public static class InboxPartner
{
    public static async Task<TestNode> StartSgAsync(string provider, ECDsa cnKey)
    {
        var sg = await TestNode.StartAsync(provider, settings: new Dictionary<string, string?> { ["SmartCustoms:NodeId"] = "SG" });
        var card = new NodeCard
        {
            NodeId = "CN", Country = "CN", BaseUrl = LoopbackRouter.BaseUrl("CN"),
            Keys = [Jwk.FromKey(cnKey, DateTimeOffset.UtcNow.AddDays(-1), null)],
        };
        using var admin = sg.Admin();
        var registered = await admin.PostAsJsonAsync("/api/exchange/partners", new { card, agreement = ExchangeSamples.ReceiverAgreement() }, ExchangeJson.Options);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return sg;
    }

    public static JsonObject Envelope(Action<JsonObject>? change = null)
    {
        var now = DateTimeOffset.UtcNow;
        var envelope = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString("N"),
            ["type"] = "export-data",
            ["sender"] = "CN",
            ["recipient"] = "SG",
            ["createdAt"] = now.AddMinutes(-30),
            ["sentAt"] = now,
            ["payload"] = new JsonObject
            {
                ["mrn"] = "26CN000000000001X1",
                ["status"] = "released",
                ["acceptedAt"] = now.AddMinutes(-30),
                ["declaration"] = new JsonObject { ["transport"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["id"] = "MSCU1234566" }) } },
            },
        };
        change?.Invoke(envelope);
        return envelope;
    }
}
