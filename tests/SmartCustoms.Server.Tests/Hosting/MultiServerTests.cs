using System.Net;
using System.Net.Http.Json;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Hosting;

/// <summary>Several server processes over one database: no state lives only in one server's memory.</summary>
public sealed class MultiServerTests
{
    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task TwoServersOnOneDatabaseNeverCollideOnMrnsAndShareIdempotency(string provider)
    {
        await using var first = await TestNode.StartAsync(provider);
        await using var second = await TestNode.StartAsync(provider, shareWith: first);
        using var traderOnFirst = await first.TraderAsync("GB123456789000");
        using var traderOnSecond = second.Client(null);
        traderOnSecond.DefaultRequestHeaders.Authorization = traderOnFirst.DefaultRequestHeaders.Authorization;

        var lodgings = Enumerable.Range(0, 60).Select(i =>
            (i % 2 == 0 ? traderOnFirst : traderOnSecond).PostAsJsonAsync("/api/declarations", Samples.Import("GB123456789000", $"LRN-MULTI-{i}")));
        var responses = await Task.WhenAll(lodgings);
        var mrns = await Task.WhenAll(responses.Select(async r => (await r.JsonAsync()).GetProperty("mrn").GetString()));

        var same = Samples.Import("GB123456789000", "LRN-RACE");
        var race = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            (i % 2 == 0 ? traderOnFirst : traderOnSecond).PostAsJsonAsync("/api/declarations", same)));
        var raceMrns = await Task.WhenAll(race.Select(async r => (await r.JsonAsync()).GetProperty("mrn").GetString()));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(60, mrns.Distinct().Count());
        Assert.Equal(1, race.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(race, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK }));
        Assert.Single(raceMrns.Distinct());
        Assert.Equal(HttpStatusCode.OK, (await traderOnSecond.GetAsync($"/api/declarations/{mrns[0]}")).StatusCode);
    }
}
