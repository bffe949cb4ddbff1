using SmartCustoms.Domain.Declarations;

namespace SmartCustoms.Storage.Tests.Declarations;

public sealed class NotificationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task NotificationsAreReadOldestFirstFromACursor(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Database.Declarations;
        var mine = await store.LodgeAsync(Samples.Lodge("GB1", "LRN-1"), Ct);
        var theirs = await store.LodgeAsync(Samples.Lodge("GB2", "LRN-1"), Ct);
        await store.UpdateAsync(mine.Record.Mrn, _ => UpdateTests.Amend(Samples.Declaration("LRN-1", 3)), Ct);
        await store.UpdateAsync(theirs.Record.Mrn, _ => UpdateTests.Release(), Ct);
        await store.UpdateAsync(mine.Record.Mrn, _ => UpdateTests.Release(), Ct);

        var first = await store.GetNotificationsAsync(mine.Record.Mrn, 0, 2, Ct);
        var rest = await store.GetNotificationsAsync(mine.Record.Mrn, first[^1].Id, 10, Ct);
        var none = await store.GetNotificationsAsync(mine.Record.Mrn, rest[^1].Id, 10, Ct);

        Assert.Equal([NotificationKind.Accepted, NotificationKind.Accepted], first.Select(n => n.Kind));
        Assert.Equal("""{"kind":"DMSACC","lrn":"L"}""", first[0].PayloadJson);
        Assert.Equal("""{"kind":"DMSACC","amendment":true}""", first[1].PayloadJson);
        Assert.Equal(Samples.Stored(Samples.At), first[0].At);
        var released = Assert.Single(rest);
        Assert.Equal(NotificationKind.Released, released.Kind);
        Assert.Equal(mine.Record.Mrn, released.Mrn);
        Assert.True(first[0].Id < first[1].Id && first[1].Id < released.Id);
        Assert.Empty(none);
        Assert.Equal(2, (await store.GetNotificationsAsync(theirs.Record.Mrn, 0, 10, Ct)).Count);
    }
}
