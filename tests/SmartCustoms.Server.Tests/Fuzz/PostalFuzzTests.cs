using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartCustoms.Server.Tests.Infrastructure;
using SmartCustoms.Server.Tests.Postal;

namespace SmartCustoms.Server.Tests.Fuzz;

/// <summary>
/// Hostile batches of postal items: the whole body fuzzed, and one item of an otherwise good batch fuzzed. Never a
/// 5xx; a refused batch stores nothing; in a taken batch every refused item is left out, the good one goes in, and
/// the answers grow by exactly the items acknowledged as newly accepted.
/// </summary>
public sealed class PostalFuzzTests
{
    private const int Drawn = 40;

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task HostileBatchesAreRefusedOrTakenItemByItemAndNeverFail(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var carrier = await node.ClientForAsync("carrier", "FR-POST");
        using var officer = await node.OfficerAsync();
        var sample = PostalBatches.Batch("FUZZ", PostalBatches.Item(PostalBatches.S10(1)), PostalBatches.Item(PostalBatches.S10(2), value: 1m));

        var answers = await CountAnswersAsync(officer);
        foreach (var fuzz in BodyFuzz.Cases(sample, Drawn, maxNodes: 40))
        {
            answers = await SendAndCheckAsync(carrier, officer, fuzz, answers, goodIndex: null);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AHostileItemIsRefusedAloneAndTheGoodItemBesideItIsTaken(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var carrier = await node.ClientForAsync("carrier", "FR-POST");
        using var officer = await node.OfficerAsync();
        var item = PostalBatches.Item(PostalBatches.S10(1));
        var mutations = Fuzzing.Cases(Mutation.Gen, Drawn).Select(m => (m.ToString(), m.Apply(item)))
            .Concat(Enumerable.Range(0, Math.Min(Mutation.CountNodes(item), 30)).SelectMany(n =>
                new[] { "null", "{}", "[null]", "\"\\ud800\"", "123456789012345678901234567890" }.Select(shape => Mutation.Replace(n, shape)))
                .Select(m => (m.ToString(), m.Apply(item))))
            .ToList();

        var answers = await CountAnswersAsync(officer);
        var serial = 100;
        foreach (var (name, mutated) in mutations)
        {
            var good = Encoding.UTF8.GetBytes(PostalBatches.Item(PostalBatches.S10(serial)).ToJsonString());
            var body = (byte[])[.. Encoding.UTF8.GetBytes($"{{\"messageId\":\"M{serial}\",\"items\":["), .. good, (byte)',', .. mutated, .. "]}"u8];
            answers = await SendAndCheckAsync(carrier, officer, new FuzzCase("item " + name, body, "application/json"), answers, goodIndex: 0);
            serial++;
        }

        var refused = await carrier.PostAsync("/api/postal/items", PostalBatches.Json(PostalBatches.Batch("LAST", PostalBatches.Item(PostalBatches.S10(1)).With("value", null))));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
    }

    private static async Task<int> SendAndCheckAsync(HttpClient carrier, HttpClient officer, FuzzCase fuzz, int answersBefore, int? goodIndex)
    {
        using var response = await carrier.PostAsync("/api/postal/items", fuzz.Content());
        var taken = await Fuzzing.AssertHandledAsync(response, "POST /api/postal/items: " + fuzz.Name);
        var answers = await CountAnswersAsync(officer);
        if (!taken)
        {
            Assert.True(answers == answersBefore, $"{fuzz.Name} was refused ({(int)response.StatusCode}) but {answers - answersBefore} answers were stored");
            return answers;
        }

        using var ack = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var items = ack.RootElement.GetProperty("items").EnumerateArray().ToList();
        var stored = items.Count(i => i.GetProperty("status").GetString() != "refused" && !i.GetProperty("duplicate").GetBoolean());
        Assert.True(answers - answersBefore == stored, $"{fuzz.Name}: {stored} items acknowledged as taken, {answers - answersBefore} answers stored");
        Assert.All(items.Where(i => i.GetProperty("status").GetString() == "refused"), i =>
            Assert.All(i.GetProperty("issues").EnumerateArray(), issue => Assert.StartsWith("/items/", issue.GetProperty("pointer").GetString(), StringComparison.Ordinal)));
        if (goodIndex is { } good)
        {
            Assert.True(items[good].GetProperty("status").GetString() == "accepted", $"{fuzz.Name}: the good item was {items[good]}");
        }

        return answers;
    }

    private static async Task<int> CountAnswersAsync(HttpClient officer)
    {
        var page = JsonNode.Parse(await officer.GetStringAsync("/api/postal/answers?after=0&limit=5000"))!;
        return page["answers"]!.AsArray().Count;
    }
}
