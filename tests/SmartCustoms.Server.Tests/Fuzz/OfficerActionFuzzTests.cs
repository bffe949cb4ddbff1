using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Fuzz;

/// <summary>
/// Hostile bodies on what officers and traders do to a lodged declaration (re-route, control decisions, amendment,
/// cancellation) and on the inspection result, JSON and multipart. These bodies are bound by the framework, which
/// answers differently in Development: both environments are run, and must answer alike.
/// </summary>
public sealed class OfficerActionFuzzTests
{
    private const string Declarant = "GB603202734852";

    public static TheoryData<string, string> ProvidersAndEnvironments => new()
    {
        { Databases.Sqlite, "Production" }, { Databases.Sqlite, "Development" },
        { Databases.Postgres, "Production" }, { Databases.Postgres, "Development" },
    };

    [Theory]
    [MemberData(nameof(ProvidersAndEnvironments))]
    public async Task OfficerAndTraderActionsAnswerHostileBodiesWithAProblemAndChangeNothing(string provider, string environment)
    {
        await using var node = await TestNode.StartAsync(provider, settings: new Dictionary<string, string?> { [TestNode.EnvironmentSetting] = environment });
        using var trader = await node.TraderAsync(Declarant);
        using var officer = await node.OfficerAsync();
        var sample = Samples.Import(Declarant);
        var mrn = await LodgeAsync(trader, sample);
        Task<string> State() => trader.GetStringAsync($"/api/declarations/{mrn}");
        var reason = new JsonObject { ["reason"] = "documents checked" };

        // Re-routing to red opens a control, so that the decisions after it have something to act on.
        await BodyFuzz.RunAsync(officer, HttpMethod.Post, $"/api/declarations/{mrn}/reroute",
            BodyFuzz.Cases(new JsonObject { ["lane"] = "red", ["reason"] = "intelligence" }, 25), State);
        await BodyFuzz.RunAsync(trader, HttpMethod.Post, $"/api/declarations/{mrn}/amendments", BodyFuzz.Cases(sample, 25), State);
        foreach (var action in new[] { "control", "rejection", "invalidation", "release", "clearance" })
        {
            await BodyFuzz.RunAsync(officer, HttpMethod.Post, $"/api/declarations/{mrn}/{action}", BodyFuzz.Cases(reason, 6, maxNodes: 2), State);
        }

        var open = await LodgeAsync(trader, Samples.Import(Declarant));
        await BodyFuzz.RunAsync(trader, HttpMethod.Post, $"/api/declarations/{open}/cancellation", BodyFuzz.Cases(reason, 10, maxNodes: 2),
            () => trader.GetStringAsync($"/api/declarations/{open}"));
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task InspectionResultsInJsonOrMultipartAreRecordedOrRefusedInWordsNeverFailed(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var trader = await node.TraderAsync(Declarant);
        using var officer = await node.OfficerAsync();
        var mrn = await LodgeAsync(trader, Samples.Import(Declarant));
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/declarations/{mrn}/reroute", new { lane = "red", reason = "examine" })).StatusCode);
        Task<string> State() => officer.GetStringAsync($"/api/declarations/{mrn}");
        var url = $"/api/declarations/{mrn}/inspection-result";
        // A finding keeps the control open for the next case only while refused: every case is checked against the state before it.
        var result = new JsonObject
        {
            ["findings"] = true, ["categories"] = new JsonArray("undervaluation"), ["revenueAtStake"] = 120.5, ["notes"] = "invoice altered",
            ["seals"] = new JsonArray(new JsonObject { ["container"] = "CSQU3054383", ["seals"] = new JsonArray("GB-1") }),
        };

        var multipart = MultipartCases(result.ToJsonString()).ToList();
        multipart.AddRange(Fuzzing.Cases(Mutation.BytesOnly, 40).Select(m => new FuzzCase("multipart " + m, m.Apply(MultipartText(Boundary, result.ToJsonString())), MultipartType)));
        var taken = await BodyFuzz.RunAsync(officer, HttpMethod.Post, url, multipart, State);
        taken += await BodyFuzz.RunAsync(officer, HttpMethod.Post, url, BodyFuzz.Cases(result, 30), State);

        // Refusals stored no evidence: the inspections listed are the results taken, each with its one file at most.
        var inspections = (await officer.GetFromJsonAsync<JsonElement>($"/api/declarations/{mrn}")).GetProperty("risk").GetProperty("inspections");
        Assert.Equal(taken, inspections.GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task EachMalformedMultipartFramingIsAWorded400(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var trader = await node.TraderAsync(Declarant);
        using var officer = await node.OfficerAsync();
        var mrn = await LodgeAsync(trader, Samples.Import(Declarant));
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/declarations/{mrn}/reroute", new { lane = "red", reason = "examine" })).StatusCode);

        foreach (var fuzz in MultipartCases("""{ "findings": false }""").Where(c => c.Name != "valid multipart"))
        {
            var response = await officer.PostAsync($"/api/declarations/{mrn}/inspection-result", fuzz.Content());
            var problem = await response.JsonAsync();

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{fuzz.Name}: {(int)response.StatusCode} {problem}");
            Assert.Contains(problem.GetProperty("errors")[0].GetProperty("code").GetString()!.Split('.')[0], new[] { "multipart", "result" });
            Assert.DoesNotContain("Exception", problem.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        Assert.Empty((await officer.GetFromJsonAsync<JsonElement>($"/api/declarations/{mrn}")).GetProperty("risk").GetProperty("inspections").EnumerateArray());
    }

    private const string Boundary = "fuzz-boundary-7MA4YWxkTrZu0gW";
    private const string MultipartType = "multipart/form-data; boundary=" + Boundary;

    private static byte[] Multipart(string boundary, string result, string? extraHeaders = null, string lineEnd = "\r\n") =>
        Encoding.UTF8.GetBytes(MultipartText(boundary, result, extraHeaders, lineEnd));

    private static string MultipartText(string boundary, string result, string? extraHeaders = null, string lineEnd = "\r\n") =>
        string.Join(lineEnd,
        [
            $"--{boundary}",
            "Content-Disposition: form-data; name=\"result\"" + (extraHeaders ?? ""),
            "Content-Type: application/json",
            "",
            result,
            $"--{boundary}",
            "Content-Disposition: form-data; name=\"evidence\"; filename=\"photo.jpg\"",
            "Content-Type: image/jpeg",
            "",
            "jpeg bytes",
            $"--{boundary}--",
            "",
        ]);

    /// <summary>The framings the multipart reader used to throw on, and a valid one.</summary>
    private static IEnumerable<FuzzCase> MultipartCases(string result)
    {
        var valid = Multipart(Boundary, result);
        yield return new("valid multipart", valid, MultipartType);
        yield return new("17 part headers", Multipart(Boundary, result, string.Concat(Enumerable.Range(0, 17).Select(i => $"\r\nX-Extra-{i}: {i}"))), MultipartType);
        yield return new("a 16 KiB header line", Multipart(Boundary, result, "\r\nX-Long: " + new string('a', 16 * 1024)), MultipartType);
        yield return new("LF-only line ends", Multipart(Boundary, result, lineEnd: "\n"), MultipartType);
        yield return new("a truncated part", valid[..(valid.Length - Boundary.Length - 12)], MultipartType);
        yield return new("missing boundary parameter", valid, "multipart/form-data");
        yield return new("boundary too long", Multipart(new string('b', 200), result), "multipart/form-data; boundary=" + new string('b', 200));
        yield return new("boundary differs from the body's", valid, "multipart/form-data; boundary=other");
        yield return new("a part without Content-Disposition", Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Type: text/plain\r\n\r\nx\r\n--{Boundary}--\r\n"), MultipartType);
        yield return new("a header line without a colon", Encoding.UTF8.GetBytes($"--{Boundary}\r\nnot a header\r\n\r\nx\r\n--{Boundary}--\r\n"), MultipartType);
        yield return new("no result part", Encoding.UTF8.GetBytes($"--{Boundary}--\r\n"), MultipartType);
    }

    private static async Task<string> LodgeAsync(HttpClient trader, JsonObject declaration)
    {
        var lodged = await trader.PostAsJsonAsync("/api/declarations", declaration);
        Assert.Equal(HttpStatusCode.Created, lodged.StatusCode);
        return (await lodged.JsonAsync()).GetProperty("mrn").GetString()!;
    }
}
