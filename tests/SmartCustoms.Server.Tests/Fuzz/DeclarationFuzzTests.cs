using System.Net.Http.Json;
using System.Text.Json;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Fuzz;

/// <summary>
/// Lodging mutated copies of valid declarations, JSON and WCO XML: every answer is a success or a worded 4xx, and a
/// refused declaration is not stored (the declaration count grows by the accepted ones only).
/// </summary>
public sealed class DeclarationFuzzTests
{
    private const string Declarant = "GB603202734852";

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task MutatedJsonDeclarationsAreTakenOrRefusedNeverFailed(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var trader = await node.TraderAsync(Declarant);
        var accepted = 0L;
        foreach (var mutation in Fuzzing.Cases(Mutation.Gen, 150))
        {
            var body = mutation.Apply(Samples.Import(Declarant));
            var response = await trader.PostAsync("/api/declarations", Fuzzing.Body(body, "application/json"));
            accepted += await Fuzzing.AssertHandledAsync(response, mutation.ToString()) ? 1 : 0;
        }

        Assert.Equal(accepted, await CountAsync(trader));
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task MutatedWcoXmlDeclarationsAreTakenOrRefusedNeverFailed(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var trader = await node.TraderAsync(Declarant);
        var sample = Samples.Xml(Samples.ImportSample);
        var mrns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mutation in Fuzzing.Cases(Mutation.BytesOnly, 60))
        {
            var response = await trader.PostAsync("/api/declarations", Fuzzing.Body(mutation.Apply(sample), "application/xml"));
            if (await Fuzzing.AssertHandledAsync(response, mutation.ToString()))
            {
                // The sample's LRN is fixed: lodging it again answers the declaration already stored.
                mrns.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mrn").GetString()!);
            }
        }

        Assert.Equal(mrns.Count, await CountAsync(trader));
    }

    private static async Task<long> CountAsync(HttpClient trader) =>
        (await trader.GetFromJsonAsync<JsonElement>("/api/declarations?pageSize=1")).GetProperty("total").GetInt64();
}
