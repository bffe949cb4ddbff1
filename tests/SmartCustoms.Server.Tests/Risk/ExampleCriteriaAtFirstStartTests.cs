using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Risk;

/// <summary>
/// A new node does not pick lanes by chance alone: it starts with the shipped example criteria and lane settings,
/// says so in its log and to its analysts, and never loads them again once analysts have criteria of their own.
/// </summary>
public sealed class ExampleCriteriaAtFirstStartTests
{
    private static readonly Dictionary<string, string?> Examples = new(StringComparer.Ordinal) { ["SmartCustoms:Risk:LoadExamples"] = "true" };

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ANewNodeStartsWithTheShippedCriteriaAndLaneSettingsAndSaysSo(string provider)
    {
        await using var node = await TestNode.StartAsync(provider, settings: Examples);
        using var analyst = await node.ClientForAsync("analyst");

        var criteria = await analyst.GetFromJsonAsync<JsonElement[]>("/api/risk/criteria");
        var lanes = await analyst.GetFromJsonAsync<JsonElement[]>("/api/risk/lanes");
        var (browser, _) = await Portal.PortalAccessTests.SignInAsync(node, "analyst");
        var page = await browser.GetStringAsync("/Analyst/Criteria");

        Assert.Equal(ExampleCriteria.Load().Select(c => c.Id).Order(StringComparer.Ordinal), criteria!.Select(c => c.GetProperty("id").GetString()));
        Assert.All(criteria!, c => Assert.Equal(ExampleCriteria.StartUpAuthor, c.GetProperty("author").GetString()));
        var any = Assert.Single(lanes!);
        Assert.Equal("*", any.GetProperty("office").GetString());
        Assert.Equal(0.03, any.GetProperty("redRate").GetDouble());
        Assert.Contains($"{criteria!.Length} of the criteria in force are the shipped examples", page, StringComparison.Ordinal);
        Assert.Contains("id=\"lanes-warning\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeclarationOnANewNodeIsScoredByTheExamples()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite, settings: Examples);
        using var trader = await node.TraderAsync("GB123456789000");
        using var officer = await node.OfficerAsync();
        var declaration = Samples.Import("GB123456789000");
        // A container number whose ISO 6346 check digit is wrong (3 is right): the examples send it at least to yellow.
        declaration["transport"]!["containers"]![0]!["id"] = "CSQU3054384";
        var mrn = (await (await trader.PostAsJsonAsync("/api/declarations", declaration)).JsonAsync()).GetProperty("mrn").GetString();

        var risk = (await officer.GetFromJsonAsync<JsonElement>($"/api/declarations/{mrn}")).GetProperty("risk");

        var explanation = risk.GetProperty("explanation");
        Assert.Contains("container-check-digit-failed", explanation.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
        Assert.True(explanation.GetProperty("score").GetDecimal() > 0, explanation.ToString());
        Assert.Equal("yellow", risk.GetProperty("lane").GetString());
    }

    [Fact]
    public async Task RetiredExamplesStayRetiredWhenTheNodeStartsAgainAndItsOwnLaneSettingsStay()
    {
        await using var first = await TestNode.StartAsync(Databases.Sqlite, settings: Examples);
        using var analyst = await first.ClientForAsync("analyst");
        var examples = ExampleCriteria.Load();
        foreach (var example in examples)
        {
            Assert.Equal(HttpStatusCode.OK, (await analyst.DeleteAsync($"/api/risk/criteria/{example.Id}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await analyst.PutAsJsonAsync("/api/risk/lanes", new[] { new { office = "*", redRate = 0.1, yellowRate = 0.1, blueRate = 0.1, minRandomRate = 0.02 } })).StatusCode);

        await using var again = await TestNode.StartAsync(Databases.Sqlite, shareWith: first);
        using var analystAgain = await again.ClientForAsync("analyst");
        var inForce = await analystAgain.GetFromJsonAsync<JsonElement[]>("/api/risk/criteria");
        var all = await analystAgain.GetFromJsonAsync<JsonElement[]>("/api/risk/criteria?includeRetired=true");
        var lanes = await analystAgain.GetFromJsonAsync<JsonElement[]>("/api/risk/lanes");

        Assert.Empty(inForce!);
        Assert.Equal(examples.Count, all!.Length);
        Assert.All(all!, c => Assert.Equal(1, c.GetProperty("version").GetInt32()));
        Assert.Equal(0.1, Assert.Single(lanes!).GetProperty("redRate").GetDouble());
    }

    [Fact]
    public async Task ANodeToldNotToLoadTheExamplesStartsWithoutCriteria()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var analyst = await node.ClientForAsync("analyst");

        Assert.Empty((await analyst.GetFromJsonAsync<JsonElement[]>("/api/risk/criteria"))!);
        Assert.Empty((await analyst.GetFromJsonAsync<JsonElement[]>("/api/risk/lanes"))!);
    }
}
