using Microsoft.Extensions.DependencyInjection;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Server.Risk;
using SmartCustoms.Server.Tests.Exchange;
using SmartCustoms.Server.Tests.Infrastructure;
using SmartCustoms.Storage.Leases;

namespace SmartCustoms.Server.Tests.Hosting;

/// <summary>Scheduled jobs of a node with several servers run once per turn, on whichever server takes the job's lease.</summary>
public sealed class ScheduledJobTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task OfTwoServersOnlyOnePrunesThePricesInAPeriod(string provider)
    {
        await using var first = await TestNode.StartAsync(provider);
        await using var second = await TestNode.StartAsync(provider, shareWith: first);
        var leases = first.Services.GetRequiredService<JobLeases>();
        TestNode[] servers = [first, second];
        // Both servers tried their first pass at start; one of them took this period.
        var startedBy = await ExchangeSamples.EventuallyAsync(
            () => leases.HolderAsync(PricePruningService.Job, DateTimeOffset.UtcNow, Ct), holder => holder is not null, "pruned at start");
        await leases.ReleaseAsync(PricePruningService.Job, startedBy!, Ct);

        var passes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            servers[i % 2].Services.GetRequiredService<PricePruningService>().PruneIfDueAsync(Ct)));
        var holder = await leases.HolderAsync(PricePruningService.Job, DateTimeOffset.UtcNow, Ct);
        var ranOn = servers[Array.IndexOf(passes, true) % 2];

        Assert.Contains(startedBy, servers.Select(s => s.Services.GetRequiredService<ServerInstance>().Id));
        Assert.Equal(1, passes.Count(ran => ran));
        Assert.Equal(ranOn.Services.GetRequiredService<ServerInstance>().Id, holder);
        Assert.False(await servers[0].Services.GetRequiredService<PricePruningService>().PruneIfDueAsync(Ct));
        Assert.False(await servers[1].Services.GetRequiredService<PricePruningService>().PruneIfDueAsync(Ct));
    }
}
