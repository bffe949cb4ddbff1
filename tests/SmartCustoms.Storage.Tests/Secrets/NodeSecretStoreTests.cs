using SmartCustoms.Storage.Secrets;

namespace SmartCustoms.Storage.Tests.Secrets;

public sealed class NodeSecretStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task ServersStartingAtOnceOnAnEmptyDatabaseEndUpWithTheFirstKeyOfOneOfThem(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        Database[] servers = [storage.Database, storage.Open(), storage.Open()];
        var now = DateTimeOffset.UtcNow;

        var stored = await Task.WhenAll(servers.Select((s, i) => Task.Run(() =>
            s.Secrets.AddFirstAsync(NodeSecret.ExchangeKey, [Secret($"key-{i}", now)], Ct), Ct)));
        var keys = await storage.Open().Secrets.ListAsync(NodeSecret.ExchangeKey, Ct);

        Assert.Equal(1, stored.Count(s => s));
        Assert.Equal($"key-{Array.IndexOf(stored, true)}", Assert.Single(keys).Name);
        Assert.Empty(await servers[0].Secrets.ListAsync(NodeSecret.DataProtectionKey, Ct));
    }

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task ARotationRetiresTheCurrentKeyAndDropsThoseWhoseGraceIsOver(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var secrets = storage.Database.Secrets;
        var now = DateTimeOffset.UtcNow;
        await secrets.AddFirstAsync(NodeSecret.ExchangeKey, [Secret("old", now.AddDays(-30), retiresAt: now.AddDays(-1)), Secret("current", now.AddDays(-10))], Ct);

        await secrets.RotateAsync(Secret("new", now), now.AddDays(7), now, Ct);
        var keys = await secrets.ListAsync(NodeSecret.ExchangeKey, Ct);

        Assert.Equal(["current", "new"], keys.Select(k => k.Name));
        Assert.Equal(SqlTime(now.AddDays(7)), keys[0].RetiresAt);
        Assert.Null(keys[1].RetiresAt);
        Assert.Equal("sealed-new", keys[1].Secret);
    }

    private static NodeSecret Secret(string name, DateTimeOffset createdAt, DateTimeOffset? retiresAt = null) =>
        new(NodeSecret.ExchangeKey, name, createdAt, retiresAt, "sealed-" + name);

    private static DateTimeOffset SqlTime(DateTimeOffset value) => new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);
}
