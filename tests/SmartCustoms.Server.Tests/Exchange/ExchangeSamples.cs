using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Exchange;

public static class ExchangeSamples
{
    public const string Exporter = "CN123456789000";

    /// <summary>The fields CN shares with SG in the tests: goods, values and containers, not the parties.</summary>
    public static readonly string[] SharedFields =
        ["type", "lrn", "exportCountry", "destinationCountry", "items.hsCode", "items.netMass", "items.itemPrice", "transport.containers", "transport.transportDocument"];

    /// <summary>An export from CN to <paramref name="destination"/> in container <paramref name="container"/>, with the exporter's address (never shared).</summary>
    public static JsonObject Export(string container, string destination = "SG", string? lrn = null)
    {
        var export = Samples.Import(Exporter, lrn);
        export["type"] = "EXD";
        export.Remove("importer");
        export["exporter"] = new JsonObject
        {
            ["id"] = Exporter, ["name"] = "Shenzhen Shavers Co",
            ["address"] = new JsonObject { ["line"] = "8 Secret Road", ["city"] = "Shenzhen", ["country"] = "CN" },
        };
        export["exportCountry"] = "CN";
        export["destinationCountry"] = destination;
        export["transport"]!["containers"] = new JsonArray(new JsonObject { ["id"] = container, ["seals"] = new JsonArray("SEAL-" + container) });
        export["transport"]!["transportDocument"] = new JsonObject { ["type"] = "BL", ["id"] = "BL-" + container };
        return export;
    }

    public static JsonObject SenderAgreement(params string[] sharedFields) => new()
    {
        ["weSend"] = new JsonArray("export-data"),
        ["theySend"] = new JsonArray(),
        ["sharedFields"] = new JsonArray([.. (sharedFields.Length == 0 ? SharedFields : sharedFields).Select(f => (JsonNode)f)]),
        ["controlResults"] = new JsonObject { ["recognised"] = true, ["lanes"] = new JsonArray("red", "yellow") },
        ["aeoRecognised"] = true,
    };

    public static JsonObject ReceiverAgreement() => new()
    {
        ["weSend"] = new JsonArray(),
        ["theySend"] = new JsonArray("export-data"),
        ["sharedFields"] = new JsonArray(),
    };

    /// <summary>A copy of <paramref name="agreement"/> that also lets risk alerts go both ways (weSend and theySend).</summary>
    public static JsonObject WithRiskAlerts(JsonObject agreement)
    {
        var copy = agreement.DeepClone().AsObject();
        foreach (var list in new[] { "weSend", "theySend" })
        {
            copy[list]!.AsArray().Add("risk-alert");
        }

        return copy;
    }

    /// <summary>Polls until <paramref name="done"/> holds: deliveries run in the background. Fails after a minute, which only a hang takes.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Still not {what} after a minute; last seen: {JsonSerializer.Serialize(value)}");
            }

            await Task.Delay(100);
        }
    }

    public static async Task<JsonElement[]> MessagesAsync(this TestNode node, string direction)
    {
        using var admin = node.Admin();
        return await admin.MessagesAsync(direction);
    }

    public static async Task<JsonElement[]> MessagesAsync(this HttpClient admin, string direction) =>
        await admin.GetFromJsonAsync<JsonElement[]>($"/api/exchange/messages?direction={direction}") ?? [];
}
