using SmartCustoms.Domain.Declarations;
using SmartCustoms.Storage.Declarations;

namespace SmartCustoms.Storage.Tests.Declarations;

public sealed class ListingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task ListingFiltersByDeclarantAndStatusNewestFirstInPages(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Database.Declarations;
        var mine = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            // Lodged out of time order, so that the order of the listing can only come from accepted_at.
            var at = Samples.At.AddMinutes((i * 3) % 5);
            mine.Add((await store.LodgeAsync(Samples.Lodge("GB1", $"LRN-{i}", at: at), Ct)).Record.Mrn);
        }
        await store.LodgeAsync(Samples.Lodge("GB2", "LRN-0", at: Samples.At.AddHours(1)), Ct);
        await store.UpdateAsync(mine[1], _ => UpdateTests.Release(), Ct);
        await store.UpdateAsync(mine[3], _ => UpdateTests.Release(), Ct);

        var all = await store.ListAsync(new DeclarationQuery(), Ct);
        var byDeclarant = await store.ListAsync(new DeclarationQuery { DeclarantId = "GB1" }, Ct);
        var page2 = await store.ListAsync(new DeclarationQuery { DeclarantId = "GB1", Page = 2, PageSize = 2 }, Ct);
        var released = await store.ListAsync(new DeclarationQuery { DeclarantId = "GB1", Status = DeclarationStatus.Released }, Ct);
        var releasedOfOthers = await store.ListAsync(new DeclarationQuery { DeclarantId = "GB2", Status = DeclarationStatus.Released }, Ct);

        Assert.Equal(6, all.Total);
        Assert.Equal("GB2", all.Items[0].DeclarantId);
        Assert.Equal(5, byDeclarant.Total);
        Assert.Equal(["LRN-3", "LRN-1", "LRN-4", "LRN-2", "LRN-0"], byDeclarant.Items.Select(s => s.Lrn));
        Assert.Equal(byDeclarant.Items.OrderByDescending(s => s.AcceptedAt).Select(s => s.Mrn), byDeclarant.Items.Select(s => s.Mrn));
        Assert.Equal((2, 2, 5L), (page2.Page, page2.PageSize, page2.Total));
        Assert.Equal(["LRN-4", "LRN-2"], page2.Items.Select(s => s.Lrn));
        Assert.Equal(["LRN-3", "LRN-1"], released.Items.Select(s => s.Lrn));
        Assert.Equal(2, released.Total);
        Assert.Equal(0, releasedOfOthers.Total);
        Assert.Empty(releasedOfOthers.Items);
        var summary = released.Items[1];
        Assert.Equal((mine[1], "GB1", "IMA", DeclarationStatus.Released, 1), (summary.Mrn, summary.DeclarantId, summary.Type, summary.Status, summary.Version));
        Assert.Equal(Samples.Stored(Samples.At.AddMinutes(3)), summary.AcceptedAt);
        Assert.True(summary.UpdatedAt > summary.AcceptedAt);
    }

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task DeclarationsAcceptedAtTheSameInstantAreListedByMrn(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Database.Declarations;
        for (var i = 0; i < 3; i++)
        {
            await store.LodgeAsync(Samples.Lodge("GB1", $"LRN-{i}"), Ct);
        }

        var page = await store.ListAsync(new DeclarationQuery { PageSize = 2, Page = 2 }, Ct);

        Assert.Equal(Samples.Mrn(3), Assert.Single(page.Items).Mrn);
    }
}
