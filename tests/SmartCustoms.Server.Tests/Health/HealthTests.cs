using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Health;

public sealed class HealthTests
{
    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ProbesNeedNoKeyAndNameEachCheckOfReadiness(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var anonymous = node.Client(null);

        var live = await anonymous.GetAsync("/health/live");
        var ready = await anonymous.GetAsync("/health/ready");
        var health = await anonymous.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", (await live.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = Checks(await ready.JsonAsync());
        Assert.Equal(new[] { "background", "database", "disk", "migrations" }, checks.Keys.Order(StringComparer.Ordinal));
        Assert.All(checks.Values, status => Assert.Equal("Healthy", status));
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ReadinessFailsWhenTheDataFolderHasLessFreeSpaceThanConfigured(string provider)
    {
        await using var node = await TestNode.StartAsync(provider, settings: new Dictionary<string, string?>
        {
            ["SmartCustoms:Health:MinFreeDiskBytes"] = long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var anonymous = node.Client(null);

        var ready = await anonymous.GetAsync("/health/ready");
        var live = await anonymous.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var checks = Checks(await ready.JsonAsync());
        Assert.Equal("Unhealthy", checks["disk"]);
        Assert.Equal("Healthy", checks["database"]);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task ReadinessFailsWhenABackgroundLoopHasCrashed()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite, services: s => s.AddHostedService<CrashingLoop>());
        using var anonymous = node.Client(null);

        var ready = await anonymous.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var background = (await ready.JsonAsync()).GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "background");
        Assert.Equal("crashed", background.GetProperty("data").GetProperty(nameof(CrashingLoop)).GetString());
        Assert.Equal("running", background.GetProperty("data").GetProperty("DeliveryService").GetString());
    }

    internal static Dictionary<string, string> Checks(JsonElement report) =>
        report.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!, StringComparer.Ordinal);

    /// <summary>A loop failing as a bug would: the node must say so rather than look healthy.</summary>
    private sealed class CrashingLoop : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
            Task.FromException(new InvalidOperationException("a bug in a background loop"));
    }
}
