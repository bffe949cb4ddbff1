using System.Data.Common;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Storage.Declarations;

namespace SmartCustoms.Storage.Tests.Declarations;

public sealed class LodgingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task LodgedDeclarationReadsBackWithEveryField(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var request = Samples.Lodge("GB123456789000", "LRN-0001");

        var lodged = await storage.Database.Declarations.LodgeAsync(request, Ct);
        var read = await storage.Database.Declarations.GetAsync(lodged.Record.Mrn, null, Ct);

        Assert.Equal(LodgeOutcome.Created, lodged.Outcome);
        Assert.Equal(Samples.Mrn(1), lodged.Record.Mrn);
        Assert.NotNull(read);
        foreach (var record in new[] { lodged.Record, read })
        {
            Assert.Equal(Samples.Mrn(1), record.Mrn);
            Assert.Equal(1, record.Version);
            Assert.Equal(DeclarationStatus.Accepted, record.Status);
            Assert.Equal("GB123456789000", record.DeclarantId);
            Assert.Equal("LRN-0001", record.Lrn);
            Assert.Equal(request.ContentHash, record.ContentHash);
            Assert.Equal(Samples.Json(request.Declaration), Samples.Json(record.Declaration));
            Assert.Equal(Samples.Json(request.Assessment), Samples.Json(record.Assessment));
            Assert.Equal(request.Warnings, record.Warnings);
            Assert.Equal(Samples.Stored(Samples.At), record.AcceptedAt);
            Assert.Equal(Samples.Stored(Samples.At), record.UpdatedAt);
            Assert.Equal(TimeSpan.Zero, record.AcceptedAt.Offset);
            Assert.Equal(1, record.Revision);
        }
    }

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task ResubmittingAnLrnGivesTheExistingDeclarationAsDuplicateOrConflict(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Database.Declarations;
        var first = await store.LodgeAsync(Samples.Lodge("GB1", "LRN-1"), Ct);

        var same = await store.LodgeAsync(Samples.Lodge("GB1", "LRN-1"), Ct);
        var other = await store.LodgeAsync(Samples.Lodge("GB1", "LRN-1", Samples.Declaration("LRN-1", goodsItemQuantity: 2)), Ct);
        var otherDeclarant = await store.LodgeAsync(Samples.Lodge("GB2", "LRN-1"), Ct);

        Assert.Equal(LodgeOutcome.Duplicate, same.Outcome);
        Assert.Equal(first.Record.Mrn, same.Record.Mrn);
        Assert.Equal(LodgeOutcome.Conflict, other.Outcome);
        Assert.Equal(first.Record.Mrn, other.Record.Mrn);
        Assert.Equal(first.Record.ContentHash, other.Record.ContentHash);
        Assert.Equal(1, other.Record.Declaration.GoodsItemQuantity);
        Assert.Equal(LodgeOutcome.Created, otherDeclarant.Outcome);
        Assert.NotEqual(first.Record.Mrn, otherDeclarant.Record.Mrn);
    }

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task LodgingsFromTwoServersAtOnceGetDistinctMrns(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        Database[] servers = [storage.Database, storage.Open()];

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var lodged = new List<LodgeResult>();
            for (var i = 0; i < 25; i++)
            {
                var lrn = $"LRN-{worker}-{i}";
                lodged.Add(await servers[worker % 2].Declarations.LodgeAsync(Samples.Lodge("GB1", lrn), Ct));
            }
            return lodged;
        }, Ct)));

        var all = results.SelectMany(r => r).ToList();
        Assert.Equal(200, all.Count);
        Assert.All(all, r => Assert.Equal(LodgeOutcome.Created, r.Outcome));
        Assert.Equal(200, all.Select(r => r.Record.Mrn).Distinct(StringComparer.Ordinal).Count());
        var page = await storage.Database.Declarations.ListAsync(new DeclarationQuery { PageSize = 500 }, Ct);
        Assert.Equal(200, page.Total);
    }

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task RacingLodgingsOfOneLrnCreateItExactlyOnce(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        Database[] servers = [storage.Database, storage.Open()];
        using var start = new ManualResetEventSlim();

        var racers = Enumerable.Range(0, 16).Select(i => Task.Run(() =>
        {
            start.Wait(Ct);
            return servers[i % 2].Declarations.LodgeAsync(Samples.Lodge("GB1", "LRN-RACE"), Ct);
        }, Ct)).ToList();
        start.Set();
        var results = await Task.WhenAll(racers);

        Assert.Single(results, r => r.Outcome == LodgeOutcome.Created);
        Assert.Equal(15, results.Count(r => r.Outcome == LodgeOutcome.Duplicate));
        Assert.Single(results.Select(r => r.Record.Mrn).Distinct(StringComparer.Ordinal));
        var page = await storage.Database.Declarations.ListAsync(new DeclarationQuery(), Ct);
        Assert.Equal(1, page.Total);
    }

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task AFailingLodgingIsUndoneWholeAndLeavesTheOthersIntact(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Database.Declarations;
        // Fails on the notification, after the declaration and its version were written in the same transaction.
        var failing = Samples.Lodge("GB1", "LRN-BAD") with { Notifications = [new NewNotification(NotificationKind.Accepted, null!, Samples.At)] };

        var tasks = Enumerable.Range(0, 40)
            .Select(i => i == 20 ? store.LodgeAsync(failing, Ct) : store.LodgeAsync(Samples.Lodge("GB1", $"LRN-{i}"), Ct))
            .ToList();
        await Assert.ThrowsAnyAsync<DbException>(() => tasks[20]);

        foreach (var task in tasks.Where((_, i) => i != 20))
        {
            var result = await task;
            Assert.Equal(LodgeOutcome.Created, result.Outcome);
            Assert.NotNull(await store.GetAsync(result.Record.Mrn, null, Ct));
        }
        var page = await store.ListAsync(new DeclarationQuery { PageSize = 100 }, Ct);
        Assert.Equal(39, page.Total);
        Assert.DoesNotContain(page.Items, s => s.Lrn == "LRN-BAD");
        Assert.Equal(LodgeOutcome.Created, (await store.LodgeAsync(Samples.Lodge("GB1", "LRN-BAD"), Ct)).Outcome);
    }

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task ALodgedDeclarationIsThereForTheNextProcess(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var lodged = await storage.Database.Declarations.LodgeAsync(Samples.Lodge("GB1", "LRN-1"), Ct);
        await storage.Database.DisposeAsync();

        var next = storage.Open();
        await next.MigrateAsync(Ct);
        var read = await next.Declarations.GetAsync(lodged.Record.Mrn, null, Ct);
        var again = await next.Declarations.LodgeAsync(Samples.Lodge("GB1", "LRN-2"), Ct);

        Assert.NotNull(read);
        Assert.Equal("LRN-1", read.Lrn);
        Assert.Equal(Samples.Mrn(2), again.Record.Mrn);
    }
}
