using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Server.Tests.Fuzz;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Risk;

/// <summary>An analyst loads a whole set of criteria in one request: every one is stored, or none, with each error pointing into the set.</summary>
public sealed class CriteriaImportTests
{
    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AnAnalystImportsASetAndEachBecomesTheNextVersionOfItsId(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var analyst = await node.ClientForAsync("analyst");
        var examples = ExampleCriteria.Load();
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/risk/criteria", Json(CriterionJson.Serialize(examples[0])))).StatusCode);

        var imported = await analyst.PostAsync("/api/risk/criteria/import", Json(CriteriaFile.Write(examples)));
        var stored = await imported.Content.ReadFromJsonAsync<JsonElement[]>();
        var inForce = await analyst.GetFromJsonAsync<JsonElement[]>("/api/risk/criteria");

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(examples.Select(e => e.Id), stored!.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(2, stored![0].GetProperty("version").GetInt32());
        Assert.All(stored.Skip(1), s => Assert.Equal(1, s.GetProperty("version").GetInt32()));
        Assert.Equal(examples.Count, inForce!.Length);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task OneBadCriterionRefusesTheWholeSetWithPointersAndStoresNone(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var analyst = await node.ClientForAsync("analyst");
        var set = JsonNode.Parse(CriteriaFile.Write(ExampleCriteria.Load()))!.AsArray();
        set[1]!["when"]!["all"]![0]!["op"] = "resembles";
        set[3]!["weight"] = 5000;
        set.Add(set[0]!.DeepClone());

        var refused = await analyst.PostAsync("/api/risk/criteria/import", Json(set.ToJsonString()));
        var problem = await refused.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var pointers = problem.ErrorPointers().ToList();
        Assert.Contains(pointers, p => p.StartsWith("/1/when/all/0/op", StringComparison.Ordinal));
        Assert.Contains("/3/weight", pointers);
        Assert.Contains($"/{set.Count - 1}/id", pointers);
        Assert.Contains("criteria.duplicate-id", problem.ErrorCodes());
        Assert.Empty((await analyst.GetFromJsonAsync<JsonElement[]>("/api/risk/criteria?includeRetired=true"))!);
    }

    [Fact]
    public async Task OnlyAnalystsImportCriteria()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var officer = await node.OfficerAsync();
        using var admin = node.Admin();
        using var anonymous = node.Client(null);
        var body = CriteriaFile.Write(ExampleCriteria.Load());

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync("/api/risk/criteria/import", Json(body))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync("/api/risk/criteria/import", Json(body))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/risk/criteria/import", Json(body))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task HostileSetsAreStoredWholeOrRefusedNeverFailed(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var analyst = await node.ClientForAsync("analyst");
        var set = JsonNode.Parse(CriteriaFile.Write(ExampleCriteria.Load().Take(3)))!;

        await BodyFuzz.RunAsync(analyst, HttpMethod.Post, "/api/risk/criteria/import", BodyFuzz.Cases(set, 40, maxNodes: 20),
            () => analyst.GetStringAsync("/api/risk/criteria?includeRetired=true"));
        var single = await analyst.PostAsync("/api/risk/criteria/import", Json(CriterionJson.Serialize(ExampleCriteria.Load()[0])));

        Assert.Equal(HttpStatusCode.BadRequest, single.StatusCode);
        Assert.Contains("criteria.not-a-list", (await single.JsonAsync()).ErrorCodes());
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
