using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Synthetic;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Risk;

/// <summary>
/// A stream of generated declarations lodged through a node, concurrently as traders would, ends with each lane's
/// rate near the office's configured rate and exactly the random sample the draws called for.
/// </summary>
public sealed class LaneRateTests
{
    private const int Count = 1500;
    private const int Seed = 20261126;
    private const string Office = "GB000040";
    private const double Red = 0.03, Yellow = 0.07, Blue = 0.05, RandomRate = 0.02;

    /// <summary>Allowed distance from the configured rate, in percentage points: covers the first 50 declarations assessed on fallback thresholds and ties between equal scores.</summary>
    public const double TolerancePoints = 1.5;

    // Broad criteria with distinct weights, so that scores spread over many values as a real set's do.
    private static readonly string[] Criteria =
    [
        Criterion("origin-cn", 7, """{ "field": "origin", "op": "in", "values": ["CN"] }"""),
        Criterion("origin-south-asia", 9, """{ "field": "origin", "op": "in", "values": ["BD", "IN", "PK", "VN"] }"""),
        Criterion("by-air", 5, """{ "field": "transportMode", "op": "in", "values": ["4"] }"""),
        Criterion("electrical", 13, """{ "field": "hsCode", "op": "startsWith", "value": "85" }"""),
        Criterion("clothing", 11, """{ "field": "hsCode", "op": "startsWith", "values": ["61", "62", "64"] }"""),
        Criterion("high-value", 17, """{ "field": "totalCustomsValue", "op": "gt", "value": 60000 }"""),
        Criterion("heavy", 3, """{ "field": "netMass", "op": "gt", "value": 5000 }"""),
        Criterion("dense-value", 19, """{ "field": "valuePerKg", "op": "gt", "value": 150 }"""),
        Criterion("several-items", 4, """{ "field": "itemCount", "op": "gt", "value": 2 }"""),
    ];

    private static string Criterion(string id, int weight, string when) =>
        $$"""{ "id": "{{id}}", "name": "{{id}}", "weight": {{weight}}, "when": {{when}} }""";

    [Fact]
    public async Task GeneratedStreamEndsNearTheConfiguredLaneRatesWithTheRandomSampleHonoured()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite, settings: new Dictionary<string, string?>
        {
            [TestNode.RandomSeedSetting] = Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SmartCustoms:Risk:AutoRelease"] = "true",
        });
        using var analyst = await node.ClientForAsync("analyst");
        foreach (var criterion in Criteria)
        {
            Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/risk/criteria", new StringContent(criterion, Encoding.UTF8, "application/json"))).StatusCode);
        }

        var lanes = await analyst.PutAsJsonAsync("/api/risk/lanes", new
        {
            office = Office, redRate = Red, yellowRate = Yellow, blueRate = Blue, minRandomRate = RandomRate, randomLane = "red", window = 400,
            // These criteria are broad on purpose; hitting several of them is no reason in itself to select.
            maxHitsWithoutSelection = Criteria.Length,
        });
        Assert.Equal(HttpStatusCode.OK, lanes.StatusCode);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var declarations = SyntheticDeclarations.Generate(new SyntheticOptions { Count = Count, Seed = 3, Country = "GB", Start = today.AddDays(-30), Days = 29 })
            .Select(g => g.Declaration with { DeclarationOffice = Office })
            .ToList();
        var traders = new ConcurrentDictionary<string, Lazy<Task<HttpClient>>>(StringComparer.Ordinal);
        var refused = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(declarations, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (declaration, ct) =>
        {
            var trader = await traders.GetOrAdd(declaration.Declarant!.Id!, id => new Lazy<Task<HttpClient>>(() => node.TraderAsync(id))).Value;
            using var body = new StringContent(DeclarationJson.Serialize(declaration), Encoding.UTF8, "application/json");
            using var response = await trader.PostAsync("/api/declarations", body, ct);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                refused.Add($"{declaration.Lrn}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
        });
        foreach (var client in traders.Values)
        {
            (await client.Value).Dispose();
        }

        var report = await (await analyst.GetAsync("/api/risk/performance")).JsonAsync();
        double Rate(string lane) => report.GetProperty("lanes").EnumerateArray()
            .Single(l => l.GetProperty("lane").GetString() == lane).GetProperty("declarations").GetInt64() / (double)Count;
        var draws = new Random(Seed);
        var expectedRandom = Enumerable.Range(0, Count).Count(_ => draws.NextDouble() < RandomRate);

        Assert.Empty(refused);
        Assert.Equal(Count, report.GetProperty("total").GetProperty("declarations").GetInt64());
        // Every draw below the random rate selected its declaration, and was marked random.
        Assert.Equal(expectedRandom, report.GetProperty("randomBaseline").GetProperty("declarations").GetInt64());
        Assert.InRange(expectedRandom / (double)Count, RandomRate - 0.01, RandomRate + 0.01);
        // Random selections go to red, on top of the red share (minus the few already red by score).
        var observed = $"red {Rate("red"):P2}, yellow {Rate("yellow"):P2}, blue {Rate("blue"):P2}, random {expectedRandom}";
        AssertNear(Red + RandomRate * (1 - Red), Rate("red"), "red", observed);
        AssertNear(Yellow, Rate("yellow"), "yellow", observed);
        AssertNear(Blue, Rate("blue"), "blue", observed);
    }

    private static void AssertNear(double expected, double actual, string lane, string observed) =>
        Assert.True(Math.Abs(expected - actual) * 100 <= TolerancePoints,
            $"{lane}: {actual:P2} of declarations, configured {expected:P2} (tolerance {TolerancePoints} points); observed {observed}");
}
