using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SmartCustoms.Server.Risk;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Risk;

/// <summary>The item prices behind the reference prices are pruned in the background to twice the sample, never while lodging.</summary>
public sealed class PricePruningTests
{
    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task OldPricesGoInTheBackgroundAndLodgingKeepsThemAll(string provider)
    {
        await using var node = await TestNode.StartAsync(provider, settings: new Dictionary<string, string?> { ["SmartCustoms:Risk:PriceSample"] = "1" });
        var pruning = node.Services.GetRequiredService<PricePruningService>();
        using var trader = await node.TraderAsync("GB123456789000");
        for (var i = 0; i < 5; i++)
        {
            // Each lodging reads the prices afresh (the snapshot is invalidated) and must not delete any.
            node.Services.GetRequiredService<RiskAssessor>().Invalidate();
            Assert.Equal(HttpStatusCode.Created, (await trader.PostAsJsonAsync("/api/declarations", Samples.Import("GB123456789000"))).StatusCode);
        }

        Assert.Equal(3, await pruning.PruneAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await pruning.PruneAsync(TestContext.Current.CancellationToken));
    }
}
