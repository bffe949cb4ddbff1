using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartCustoms.Server.Tests.Infrastructure;
using static SmartCustoms.Server.Tests.Postal.PostalBatches;

namespace SmartCustoms.Server.Tests.Postal;

public sealed class PostalApiTests
{
    private static async Task<JsonElement> SendAsync(HttpClient carrier, JsonNode batch)
    {
        var response = await carrier.PostAsync("/api/postal/items", Json(batch));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static async Task<JsonElement[]> AnswersAsync(HttpClient client, string query = "")
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/postal/answers?after=0" + query);
        return [.. page.GetProperty("answers").EnumerateArray()];
    }

    private static string[] Reasons(JsonElement answer) => [.. answer.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()!)];

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ACarrierSendsABatchAndGetsAnAcknowledgementPerItemThenTheAnswers(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var carrier = await node.ClientForAsync("carrier", "FR-POST");
        var bad = Item(S10(2), value: -4m);

        var ack = await SendAsync(carrier, Batch("M1", Item(S10(1)), bad, Item(S10(3), description: "Vêtements"), Item("RB123456786US")));

        var items = ack.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["accepted", "refused", "accepted", "refused"], items.Select(i => i.GetProperty("status").GetString()));
        Assert.Equal(["/items/1/contents/0/value", "/items/1/totalValue"], items[1].GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("pointer").GetString()));
        Assert.Equal("item-id.s10-check-digit", items[3].GetProperty("issues")[0].GetProperty("code").GetString());
        Assert.Equal((2, 2), (ack.GetProperty("accepted").GetInt32(), ack.GetProperty("refused").GetInt32()));

        var answers = await AnswersAsync(carrier);
        Assert.Equal([S10(1), S10(3)], answers.Select(a => a.GetProperty("itemId").GetString()));
        Assert.Equal(["releaseWithDutyDue", "holdForInformation"], answers.Select(a => a.GetProperty("decision").GetString()));
        Assert.Contains("description.vague", Reasons(answers[1]));
        Assert.Equal(4.98m, answers[0].GetProperty("duty").GetProperty("vat").GetDecimal());
        var next = answers[1].GetProperty("cursor").GetInt64();
        var after = await carrier.GetFromJsonAsync<JsonElement>($"/api/postal/answers?after={next}");
        Assert.Empty(after.GetProperty("answers").EnumerateArray());
        Assert.Equal(next, after.GetProperty("next").GetInt64());
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task SendingTheSameMessageAgainStoresNothingTwice(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var carrier = await node.ClientForAsync("carrier", "FR-POST");
        var batch = Batch("M1", Item(S10(1)), Item(S10(2), value: 1m));
        await SendAsync(carrier, batch);

        var again = await SendAsync(carrier, batch);
        var newMessage = await SendAsync(carrier, Batch("M2", Item(S10(1))));

        Assert.Equal(2, again.GetProperty("duplicates").GetInt32());
        Assert.All(again.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("duplicate").GetBoolean()));
        Assert.Equal(0, newMessage.GetProperty("duplicates").GetInt32());
        Assert.Equal(3, (await AnswersAsync(carrier)).Length);
        using var officer = await node.OfficerAsync();
        var versions = await officer.GetFromJsonAsync<JsonElement>($"/api/postal/items/FR-POST/{S10(1)}");
        Assert.Equal(["M2", "M1"], versions.EnumerateArray().Select(v => v.GetProperty("messageId").GetString()));
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ASplitShipmentAcrossOperatorsAndBatchesIsInspectedWithItsPartsNamed(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var post = await node.ClientForAsync("carrier", "FR-POST");
        using var express = await node.ClientForAsync("carrier", "DHL");
        using var officer = await node.OfficerAsync();
        await SendAsync(post, Batch("P1", Item(S10(1), value: 60m)));

        await SendAsync(express, Batch("D1",
            Item("JD0001", value: 55m, recipient: "EMILIE DURAND", address: "5, Rue de la Paix") .With("itemIdScheme", "carrier"),
            Item("JD0002", value: 50m, recipient: "emilie durand", address: "Rue de la Paix 5").With("itemIdScheme", "carrier")));

        var answers = await AnswersAsync(officer);
        Assert.Equal(["releaseWithDutyDue", "releaseWithDutyDue", "inspect"], answers.Select(a => a.GetProperty("decision").GetString()));
        var split = answers[2].GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "split-shipment");
        Assert.Equal([$"FR-POST/{S10(1)}", "DHL/JD0001"], split.GetProperty("relatedItems").EnumerateArray().Select(r => r.GetString()));
        var carrierView = (await AnswersAsync(express))[1];
        Assert.Equal("inspect", carrierView.GetProperty("decision").GetString());
        Assert.DoesNotContain("split-shipment", Reasons(carrierView));
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ACarrierSendsAndReadsOnlyItsOwnOperatorsItems(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var post = await node.ClientForAsync("carrier", "FR-POST");
        using var other = await node.ClientForAsync("carrier", "DHL");
        using var trader = await node.TraderAsync("GB123456789000");
        using var analyst = await node.ClientForAsync("analyst");
        await SendAsync(post, Batch("P1", Item(S10(1))));

        var posing = await other.PostAsync("/api/postal/items", Json(Batch("X", Item(S10(9))).With("operator", "FR-POST")));

        Assert.Equal(HttpStatusCode.Forbidden, posing.StatusCode);
        Assert.Equal(["/operator"], (await posing.JsonAsync()).ErrorPointers());
        Assert.Empty(await AnswersAsync(other));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/postal/answers?operator=FR-POST")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/postal/items/FR-POST/{S10(1)}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await post.GetAsync($"/api/postal/items/FR-POST/{S10(1)}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await trader.PostAsync("/api/postal/items", Json(Batch("T", Item(S10(5)))))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await trader.GetAsync("/api/postal/answers")).StatusCode);
        Assert.Single(await AnswersAsync(analyst, "&operator=FR-POST"));
        Assert.Single(await AnswersAsync(analyst));
    }

    [Fact]
    public async Task ACarrierKeyMustNameItsOperator()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var admin = node.Admin();

        var unbound = await admin.PostAsJsonAsync("/api/keys", new { role = "carrier" });
        var bound = await admin.PostAsJsonAsync("/api/keys", new { role = "carrier", partyId = "FR-POST" });

        Assert.Equal(HttpStatusCode.BadRequest, unbound.StatusCode);
        Assert.Equal(HttpStatusCode.Created, bound.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ABatchOverTheLimitsIsRefusedWholeAndNothingIsStored(string provider)
    {
        await using var node = await TestNode.StartAsync(provider, settings: new Dictionary<string, string?>
        {
            ["SmartCustoms:Postal:MaxBatchItems"] = "3", ["SmartCustoms:Postal:MaxBatchBytes"] = "8192",
        });
        using var carrier = await node.ClientForAsync("carrier", "FR-POST");

        var tooMany = await carrier.PostAsync("/api/postal/items", Json(Batch("M", Item(S10(1)), Item(S10(2)), Item(S10(3)), Item(S10(4)))));
        var tooLarge = await carrier.PostAsync("/api/postal/items", Json(Batch("M", Item(S10(1), description: new string('x', 9000)))));

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(["/items"], (await tooMany.JsonAsync()).ErrorPointers());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Empty(await AnswersAsync(carrier));
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task TakesAFullBatchOfTenThousandItemsInOneRequest(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var carrier = await node.ClientForAsync("carrier", "CN-POST");
        var items = Enumerable.Range(1, 10_000).Select(i => Item(S10(i), value: 20m + i % 50, recipient: $"Buyer {i}")).ToArray();

        var ack = await SendAsync(carrier, Batch("BIG", items));

        Assert.Equal(10_000, ack.GetProperty("accepted").GetInt32());
        var page = await carrier.GetFromJsonAsync<JsonElement>("/api/postal/answers?after=0&limit=5000");
        Assert.Equal(5000, page.GetProperty("answers").GetArrayLength());
        var rest = await carrier.GetFromJsonAsync<JsonElement>($"/api/postal/answers?after={page.GetProperty("next").GetInt64()}&limit=5000");
        Assert.Equal(5000, rest.GetProperty("answers").GetArrayLength());
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject With(this JsonObject node, string name, JsonNode? value)
    {
        node[name] = value;
        return node;
    }
}
