using SmartCustoms.Storage.Declarations;
using SmartCustoms.Storage.Tests.Declarations;

namespace SmartCustoms.Storage.Tests;

public sealed class MigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task MigratingAgainKeepsTheDataAndTheMrnSequence(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var first = await storage.Database.Declarations.LodgeAsync(Samples.Lodge("GB1", "LRN-1"), Ct);

        await storage.Database.MigrateAsync(Ct);
        await storage.Open().MigrateAsync(Ct);
        var second = await storage.Database.Declarations.LodgeAsync(Samples.Lodge("GB1", "LRN-2"), Ct);

        Assert.NotNull(await storage.Database.Declarations.GetAsync(first.Record.Mrn, null, Ct));
        Assert.Equal(Samples.Mrn(2), second.Record.Mrn);
    }

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task ServersStartingAtOnceOnAnEmptyDatabaseAllMigrateIt(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider, migrate: false);
        Database[] servers = [storage.Database, storage.Open(), storage.Open(), storage.Open()];

        await Task.WhenAll(servers.Select(s => Task.Run(() => s.MigrateAsync(Ct), Ct)));
        var lodged = await Task.WhenAll(servers.Select((s, i) => s.Declarations.LodgeAsync(Samples.Lodge("GB1", $"LRN-{i}"), Ct)));

        Assert.All(lodged, r => Assert.Equal(LodgeOutcome.Created, r.Outcome));
        Assert.Equal(4, lodged.Select(r => r.Record.Mrn).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task AnUnmigratedDatabaseRefusesToStoreRatherThanLosingData()
    {
        await using var storage = await TestStorage.CreateAsync(StorageOptions.Sqlite, migrate: false);

        var error = await Record.ExceptionAsync(() => storage.Database.Declarations.LodgeAsync(Samples.Lodge("GB1", "LRN-1"), Ct));

        Assert.NotNull(error);
        Assert.Contains("no such table", error.Message, StringComparison.Ordinal);
    }
}
