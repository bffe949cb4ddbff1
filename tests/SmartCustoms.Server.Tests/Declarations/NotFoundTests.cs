using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Declarations;

public sealed class NotFoundTests
{
    private const string UnknownMrn = "25GB000001000000A0";

    private const string Criterion = """
        { "name": "Shavers under half the reference price", "weight": 120,
          "when": { "all": [ { "field": "hsCode", "op": "startsWith", "value": "8510" },
                             { "field": "unitPriceRatio", "op": "lt", "value": 0.5 } ] } }
        """;

    /// <summary>
    /// An action on what does not exist, or is not the caller's, answers as a read of another trader's declaration does:
    /// a 404 that says nothing about what exists, never a problem with a code of ours.
    /// </summary>
    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ActionsOnWhatIsUnknownOrNotTheCallersAnswerTheSame404AsAReadOfIt(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var alice = await node.TraderAsync("GB111111111000");
        using var bob = await node.TraderAsync("GB222222222000");
        using var officer = await node.OfficerAsync();
        using var analyst = await node.ClientForAsync("analyst");
        var mrn = (await (await alice.PostAsJsonAsync("/api/declarations", Samples.Import("GB111111111000"))).JsonAsync()).GetProperty("mrn").GetString();

        var read = await bob.GetAsync($"/api/declarations/{mrn}");
        HttpResponseMessage[] actions =
        [
            await bob.PostAsJsonAsync($"/api/declarations/{mrn}/cancellation", new { reason = "not mine" }),
            await officer.PostAsync($"/api/declarations/{UnknownMrn}/release", null),
            await officer.PostAsJsonAsync($"/api/declarations/{UnknownMrn}/reroute", new { lane = "red", reason = "intelligence" }),
            await analyst.PutAsync("/api/risk/criteria/no-such-criterion", new StringContent(Criterion, Encoding.UTF8, "application/json")),
            await analyst.PostAsJsonAsync("/api/models/999/activate", new { reason = "try" }),
        ];

        var expected = await ShapeAsync(read);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.All(actions, a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
        foreach (var action in actions)
        {
            Assert.Equal(expected, await ShapeAsync(action));
        }

        // Bob's cancellation did nothing to Alice's declaration.
        Assert.NotEqual("cancelled", (await (await alice.GetAsync($"/api/declarations/{mrn}")).JsonAsync()).GetProperty("status").GetString());
    }

    /// <summary>The media type and the members of the answer's body, with their values except the trace id.</summary>
    private static async Task<string> ShapeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var members = body.Length == 0 ? []
            : JsonDocument.Parse(body).RootElement.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}");
        return $"{response.Content.Headers.ContentType?.MediaType}: {string.Join(", ", members)}";
    }
}
