using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartCustoms.Server.Snapshots;
using SmartCustoms.Server.Tariffs;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Snapshots;

/// <summary>
/// Servers on one database keep the tariff in memory: a tariff loaded through one is used by it at once and by the
/// others within RefreshSeconds (5 by default), and is not read again while nobody changes it. Time is a fake clock
/// shared by the servers, moved by the test.
/// </summary>
public sealed class SnapshotNodeTests
{
    private const string Declarant = "GB123456789000";
    private static readonly TimeSpan RefreshSeconds = TimeSpan.FromSeconds(5);

    private static Task<TestNode> StartAsync(string provider, FakeTimeProvider clock, TestNode? shareWith = null) =>
        TestNode.StartAsync(provider, shareWith, services: s => s.AddSingleton<TimeProvider>(clock));

    private static async Task<HttpStatusCode> LoadTariffAsync(TestNode node, string name)
    {
        using var admin = node.Admin();
        var tariff = $$"""
            { "name": "{{name}}", "currency": "EUR", "deMinimis": 0, "defaultDutyRate": 1, "defaultVatRate": 10,
              "lines": [ { "hsPrefix": "851090", "basis": "adValorem", "dutyRate": 10, "vatRate": 10 } ] }
            """;
        return (await admin.PutAsync("/api/tariff", new StringContent(tariff, Encoding.UTF8, "application/json"))).StatusCode;
    }

    private static async Task<string?> TariffAppliedAsync(HttpClient trader)
    {
        var response = await trader.PostAsJsonAsync("/api/declarations", Samples.Import(Declarant));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("duties").GetProperty("tariffName").GetString();
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ATariffLoadedOnOneServerIsUsedThereAtOnceAndByTheOtherWithinTheRefreshInterval(string provider)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var first = await StartAsync(provider, clock);
        await using var second = await StartAsync(provider, clock, shareWith: first);
        using var onFirst = await first.TraderAsync(Declarant);
        using var onSecond = second.Client(null);
        onSecond.DefaultRequestHeaders.Authorization = onFirst.DefaultRequestHeaders.Authorization;
        var demo = await TariffAppliedAsync(onSecond);

        Assert.Equal(HttpStatusCode.OK, await LoadTariffAsync(first, "Test tariff 2026"));
        var firstAtOnce = await TariffAppliedAsync(onFirst);
        var secondWithinInterval = await TariffAppliedAsync(onSecond);
        clock.Advance(RefreshSeconds);
        var secondAfterInterval = await TariffAppliedAsync(onSecond);

        Assert.NotEqual("Test tariff 2026", demo);
        Assert.Equal("Test tariff 2026", firstAtOnce);
        Assert.Equal(demo, secondWithinInterval);
        Assert.Equal("Test tariff 2026", secondAfterInterval);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task TheTariffIsReadFromTheDatabaseOnlyWhenItChanged(string provider)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var node = await StartAsync(provider, clock);
        using var trader = await node.TraderAsync(Declarant);
        var tariffs = node.Services.GetRequiredService<TariffCache>();
        var stamps = node.Services.GetRequiredService<SnapshotStamps>();
        Assert.Equal(HttpStatusCode.OK, await LoadTariffAsync(node, "Test tariff 2026"));
        var readsBefore = stamps.Reads;

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("Test tariff 2026", await TariffAppliedAsync(trader));
            clock.Advance(RefreshSeconds);
        }

        var whileUnchanged = tariffs.Reloads;
        Assert.Equal(HttpStatusCode.OK, await LoadTariffAsync(node, "Test tariff 2027"));
        var applied = await TariffAppliedAsync(trader);

        Assert.Equal(1, whileUnchanged);
        Assert.True(stamps.Reads - readsBefore >= 4, $"the versions were polled {stamps.Reads - readsBefore} times over four intervals");
        Assert.Equal("Test tariff 2027", applied);
        Assert.Equal(2, tariffs.Reloads);
    }
}
