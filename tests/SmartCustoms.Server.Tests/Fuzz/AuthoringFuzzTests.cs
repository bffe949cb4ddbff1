using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Fuzz;

/// <summary>
/// Hostile bodies on what analysts and administrators author: risk criteria, lane settings, the tariff, the AEO
/// register (one entry, a JSON array, a CSV file) and API keys. Each is saved whole or refused with nothing stored, as
/// read back through the API.
/// </summary>
public sealed class AuthoringFuzzTests
{
    private const int Drawn = 30;

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task CriteriaLanesAndTariffAreSavedOrRefusedNeverFailed(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var analyst = await node.ClientForAsync("analyst");
        using var admin = node.Admin();

        var criterion = JsonNode.Parse("""
            { "id": "heavy-shavers", "name": "Heavy shaver parts", "weight": 20,
              "when": { "all": [ { "field": "hsCode", "op": "startsWith", "value": "8510" }, { "field": "netMass", "op": "gt", "value": 5000 },
                                 { "field": "origin", "op": "in", "values": ["CN", "VN"] } ] } }
            """)!;
        await BodyFuzz.RunAsync(analyst, HttpMethod.Post, "/api/risk/criteria", BodyFuzz.Cases(criterion, Drawn, maxNodes: 16),
            () => analyst.GetStringAsync("/api/risk/criteria"));
        await BodyFuzz.RunAsync(analyst, HttpMethod.Put, "/api/risk/criteria/heavy-shavers", BodyFuzz.Cases(criterion, 10, maxNodes: 4),
            () => analyst.GetStringAsync("/api/risk/criteria"));

        var lanes = JsonNode.Parse("""[ { "office": "GB000040", "redRate": 0.04, "yellowRate": 0.06, "blueRate": 0.05, "minRandomRate": 0.02 } ]""")!;
        await BodyFuzz.RunAsync(analyst, HttpMethod.Put, "/api/risk/lanes", BodyFuzz.Cases(lanes, Drawn), () => analyst.GetStringAsync("/api/risk/lanes"));

        var tariff = JsonNode.Parse("""
            { "name": "Fuzz tariff", "currency": "EUR", "deMinimis": 0, "defaultDutyRate": 1, "defaultVatRate": 10,
              "lines": [ { "hsPrefix": "851090", "basis": "adValorem", "dutyRate": 10, "vatRate": 10 } ] }
            """)!;
        await BodyFuzz.RunAsync(admin, HttpMethod.Put, "/api/tariff", BodyFuzz.Cases(tariff, Drawn), () => admin.GetStringAsync("/api/tariff"));
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AeoEntriesImportsAndApiKeysAreSavedOrRefusedNeverFailed(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var admin = node.Admin();
        Task<string> Register() => admin.GetStringAsync("/api/aeo");

        var entry = JsonNode.Parse("""{ "name": "Example Imports Ltd", "country": "GB", "certificate": "AEOF", "validFrom": "2024-01-01", "validTo": "2030-12-31" }""")!;
        await BodyFuzz.RunAsync(admin, HttpMethod.Put, "/api/aeo/GB553202734852", BodyFuzz.Cases(entry, Drawn), Register);

        var register = new JsonArray(entry.DeepClone(), entry.DeepClone());
        register[0]!["traderId"] = "GB553202734852";
        register[1]!["traderId"] = "GB603202734852";
        await BodyFuzz.RunAsync(admin, HttpMethod.Post, "/api/aeo/import", BodyFuzz.Cases(register, Drawn), Register);

        const string csv = "traderId,name,country,certificate,validFrom,validTo\nGB553202734852,\"Example, Imports Ltd\",GB,AEOF,2024-01-01,\nGB603202734852,Other Ltd,GB,AEOS,2024-01-01,2030-12-31\n";
        var csvCases = new List<FuzzCase>
        {
            new("valid CSV", Encoding.UTF8.GetBytes(csv), "text/csv"),
            new("CSV not UTF-8", [.. Encoding.UTF8.GetBytes(csv[..60]), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes(csv[60..])], "text/csv"),
            new("CSV with an encoded surrogate", [.. Encoding.UTF8.GetBytes(csv[..60]), 0xED, 0xA0, 0x80, .. Encoding.UTF8.GetBytes(csv[60..])], "text/csv"),
            new("CSV with an open quote", Encoding.UTF8.GetBytes(csv.Replace("\"Example, Imports Ltd\"", "\"Example", StringComparison.Ordinal)), "text/csv"),
            new("CSV header only", Encoding.UTF8.GetBytes("traderId,name,country,certificate,validFrom,validTo\n"), "text/csv"),
            new("CSV with NUL", Encoding.UTF8.GetBytes(csv.Replace("Other", "Ot\0her", StringComparison.Ordinal)), "text/csv"),
            new("empty CSV", [], "text/csv"),
        };
        csvCases.AddRange(Fuzzing.Cases(Mutation.BytesOnly, Drawn).Select(m => new FuzzCase("CSV " + m, m.Apply(csv), "text/csv")));
        await BodyFuzz.RunAsync(admin, HttpMethod.Post, "/api/aeo/import", csvCases, Register);

        var key = JsonNode.Parse("""{ "role": "trader", "partyId": "GB553202734852", "name": "Broker desk" }""")!;
        await BodyFuzz.RunAsync(admin, HttpMethod.Post, "/api/keys", BodyFuzz.Cases(key, Drawn), () => admin.GetStringAsync("/api/keys"));
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task TextThatIsNotUnicodeIsRefusedAtItsFieldInTheAeoRegister(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var admin = node.Admin();

        var entry = await admin.PutAsync("/api/aeo/GB553202734852", Fuzzing.Body(
            """{ "name": "Example \ud800 Ltd", "country": "GB", "validFrom": "2024-01-01" }"""u8.ToArray(), "application/json"));
        var array = await admin.PostAsync("/api/aeo/import", Fuzzing.Body(
            [.. """[ { "traderId": "GB553202734852", "name": "Example """u8, 0xFF, .. """ Ltd", "country": "GB", "validFrom": "2024-01-01" } ]"""u8], "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, entry.StatusCode);
        Assert.Equal(["/name"], (await entry.JsonAsync()).ErrorPointers());
        Assert.Equal(HttpStatusCode.BadRequest, array.StatusCode);
        Assert.Equal(["/0/name"], (await array.JsonAsync()).ErrorPointers());
        Assert.Equal("[]", await admin.GetStringAsync("/api/aeo"));
    }
}
