using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Validation;
using SmartCustoms.Storage.Declarations;

namespace SmartCustoms.Storage.Tests.Declarations;

public sealed class UpdateTests
{
    private static readonly DateTimeOffset Later = Samples.At.AddHours(2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task AnAmendmentAddsAVersionAndKeepsTheOldOne(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Database.Declarations;
        var lodged = await store.LodgeAsync(Samples.Lodge("GB1", "LRN-1"), Ct);
        var amended = Samples.Declaration("LRN-1", goodsItemQuantity: 5);

        var result = await store.UpdateAsync(lodged.Record.Mrn, _ => Amend(amended), Ct);
        var current = await store.GetAsync(lodged.Record.Mrn, null, Ct);
        var original = await store.GetAsync(lodged.Record.Mrn, 1, Ct);

        Assert.Equal(UpdateOutcome.Updated, result.Outcome);
        Assert.NotNull(current);
        Assert.Equal(2, current.Version);
        Assert.Equal(DeclarationStatus.Assessed, current.Status);
        Assert.Equal(DeclarationJson.ContentHash(amended), current.ContentHash);
        Assert.Equal(Samples.Json(amended), Samples.Json(current.Declaration));
        Assert.Null(current.Assessment);
        Assert.Equal("W-AMEND", Assert.Single(current.Warnings).Code);
        Assert.Equal(Samples.Stored(Later), current.UpdatedAt);
        Assert.Equal(Samples.Stored(Samples.At), current.AcceptedAt);
        Assert.Equal(2, current.Revision);
        Assert.Equal(
            (current.Version, current.Revision, current.Status, current.ContentHash, current.UpdatedAt),
            (result.Record!.Version, result.Record.Revision, result.Record.Status, result.Record.ContentHash, result.Record.UpdatedAt));
        Assert.NotNull(original);
        Assert.Equal(1, original.Version);
        Assert.Equal(lodged.Record.ContentHash, original.ContentHash);
        Assert.Equal(1, original.Declaration.GoodsItemQuantity);
        Assert.NotNull(original.Assessment);
        Assert.Null(await store.GetAsync(lodged.Record.Mrn, 3, Ct));
    }

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task AStatusChangeKeepsTheContentAndCountsTheRevision(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Database.Declarations;
        var lodged = await store.LodgeAsync(Samples.Lodge("GB1", "LRN-1"), Ct);

        await store.UpdateAsync(lodged.Record.Mrn, _ => Release(), Ct);
        var current = await store.GetAsync(lodged.Record.Mrn, null, Ct);

        Assert.NotNull(current);
        Assert.Equal(DeclarationStatus.Released, current.Status);
        Assert.Equal(1, current.Version);
        Assert.Equal(lodged.Record.ContentHash, current.ContentHash);
        Assert.NotNull(current.Assessment);
        Assert.Equal(2, current.Revision);
    }

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task ConcurrentAmendmentsFromTwoServersAreAllKept(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        Database[] servers = [storage.Database, storage.Open()];
        var lodged = await servers[0].Declarations.LodgeAsync(Samples.Lodge("GB1", "LRN-1"), Ct);
        using var start = new ManualResetEventSlim();

        var updates = Enumerable.Range(0, 6).Select(i => Task.Run(() =>
        {
            start.Wait(Ct);
            return servers[i % 2].Declarations.UpdateAsync(
                lodged.Record.Mrn,
                current => Amend(Samples.Declaration("LRN-1", current.Declaration.GoodsItemQuantity!.Value + 1)),
                Ct);
        }, Ct)).ToList();
        start.Set();
        var results = await Task.WhenAll(updates);
        var current = await servers[0].Declarations.GetAsync(lodged.Record.Mrn, null, Ct);

        Assert.All(results, r => Assert.Equal(UpdateOutcome.Updated, r.Outcome));
        Assert.NotNull(current);
        Assert.Equal(7, current.Version);
        Assert.Equal(7, current.Revision);
        Assert.Equal(7, current.Declaration.GoodsItemQuantity);
        for (var version = 1; version <= 7; version++)
        {
            Assert.Equal(version, (await servers[1].Declarations.GetAsync(lodged.Record.Mrn, version, Ct))?.Declaration.GoodsItemQuantity);
        }
        var notifications = await servers[0].Declarations.GetNotificationsAsync(lodged.Record.Mrn, 0, 100, Ct);
        Assert.Equal(7, notifications.Count);
    }

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task NoDecisionWritesNothing(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Database.Declarations;
        var lodged = await store.LodgeAsync(Samples.Lodge("GB1", "LRN-1"), Ct);

        var result = await store.UpdateAsync(lodged.Record.Mrn, _ => null, Ct);
        var missing = await store.UpdateAsync(Samples.Mrn(99), _ => Release(), Ct);

        Assert.Equal(UpdateOutcome.Unchanged, result.Outcome);
        Assert.Equal(1, result.Record?.Revision);
        Assert.Equal(1, (await store.GetAsync(lodged.Record.Mrn, null, Ct))?.Revision);
        Assert.Equal(UpdateOutcome.NotFound, missing.Outcome);
        Assert.Null(missing.Record);
    }

    internal static DeclarationChange Amend(Declaration declaration) => new()
    {
        Status = DeclarationStatus.Assessed,
        NewVersion = new NewVersion
        {
            ContentHash = DeclarationJson.ContentHash(declaration),
            Declaration = declaration,
            Warnings = [Issue.Warning("W-AMEND", "Amended after acceptance", "/goodsItemQuantity")],
        },
        Notifications = [new NewNotification(NotificationKind.Accepted, """{"kind":"DMSACC","amendment":true}""", Later)],
        Audit = new AuditEntry("GB1", "amended", "wrong quantity", Later),
    };

    internal static DeclarationChange Release() => new()
    {
        Status = DeclarationStatus.Released,
        Notifications = [new NewNotification(NotificationKind.Released, """{"kind":"DMSROG"}""", Later)],
        Audit = new AuditEntry("officer-7", "released", null, Later),
    };
}
