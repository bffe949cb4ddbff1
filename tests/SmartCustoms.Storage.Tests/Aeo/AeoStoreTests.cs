using SmartCustoms.Storage.Aeo;
using SmartCustoms.Storage.Exchange;

namespace SmartCustoms.Storage.Tests.Aeo;

public sealed class AeoStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task ChangesOfTheRegisterQueueTheirListInTheSameTransactionAndARefusedChangeKeepsNothing(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var aeo = storage.Database.Aeo;
        var seen = new List<AeoRegisterState>();
        AeoOutbox outbox = state =>
        {
            seen.Add(state);
            return [Message($"list-{seen.Count}", state.ListedAt)];
        };

        await aeo.ReplaceAllAsync([Entry("GB1", validTo: new DateOnly(2027, 1, 31)), Entry("GB2")], T0, outbox, Ct);
        var created = await aeo.SaveAsync(Entry("GB3") with { Certificate = null }, outbox, Ct);
        var updated = await aeo.SaveAsync(Entry("GB3", name: "Renamed Ltd"), outbox, Ct);
        // The clock stepped back: the change is still dated after the one before, as receivers need to order the lists.
        var removed = await aeo.DeleteAsync("GB2", T0.AddHours(-1), outbox, Ct);
        var notThere = await aeo.DeleteAsync("GB9", T0, outbox, Ct);
        await Assert.ThrowsAsync<InvalidOperationException>(() => aeo.ReplaceAllAsync([Entry("XX1")], T0.AddHours(1), _ => throw new InvalidOperationException("too large"), Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => aeo.SaveAsync(Entry("XX2"), _ => throw new InvalidOperationException("too large"), Ct));

        var register = await aeo.ListAsync(Ct);
        var outboxed = await storage.Database.Exchange.ListMessagesAsync("out", null, 100, Ct);
        Assert.True(created);
        Assert.False(updated);
        Assert.True(removed);
        Assert.False(notThere);
        Assert.Equal(["GB1", "GB3"], register.Select(e => e.TraderId));
        Assert.Equal(new DateOnly(2027, 1, 31), register[0].ValidTo);
        Assert.Equal(("Renamed Ltd", "AEOF", (DateOnly?)null), (register[1].Name, register[1].Certificate, register[1].ValidTo));
        Assert.Equal(["list-1", "list-2", "list-3", "list-4"], outboxed.Select(m => m.Id).Order(StringComparer.Ordinal));
        // Each message saw the register as its change left it, and the dates only go up.
        Assert.Equal([["GB1", "GB2"], ["GB1", "GB2", "GB3"], ["GB1", "GB2", "GB3"], ["GB1", "GB3"]], seen.Take(4).Select(s => s.Entries.Select(e => e.TraderId).ToArray()));
        Assert.Equal("Renamed Ltd", seen[2].Entries[2].Name);
        Assert.All(seen.Take(4).Zip(seen.Skip(1).Take(3)), pair => Assert.True(pair.First.ListedAt < pair.Second.ListedAt));
        Assert.Equal(T0, seen[0].ListedAt);
    }

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task APartnersListIsReplacedOnlyByANewerOneWhateverOrderTheyArriveIn(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var (exchange, aeo) = (storage.Database.Exchange, storage.Database.Aeo);
        var older = List("CN", "m1", T0, ("CN100", null), ("CN200", null));
        var newer = List("CN", "m2", T0.AddMinutes(5), ("CN300", null));

        await exchange.AcceptAsync(Inbox("CN", "m2"), new InboxEffects { AeoList = newer }, Ct);
        await exchange.AcceptAsync(Inbox("CN", "m1"), new InboxEffects { AeoList = older }, Ct);
        await exchange.AcceptAsync(Inbox("SG", "s1"), new InboxEffects { AeoList = List("SG", "s1", T0, ("SG1", null)) }, Ct);
        var lists = await aeo.ListPartnerListsAsync(Ct);

        Assert.Equal(["CN", "SG"], lists.Select(l => l.Sender));
        Assert.Equal(("m2", T0.AddMinutes(5)), (lists[0].MessageId, lists[0].CreatedAt));
        Assert.Equal(["CN300"], lists[0].Entries.Select(e => e.TraderId));
        // Both messages are in the inbox: the older one was accepted (and receipted), it only changed nothing.
        Assert.Equal(3, (await exchange.ListMessagesAsync("in", null, 10, Ct)).Count);

        // A newer list replaces every entry of the old one; an empty list empties it.
        await exchange.AcceptAsync(Inbox("CN", "m3"), new InboxEffects { AeoList = List("CN", "m3", T0.AddMinutes(6)) }, Ct);
        var emptied = await aeo.ListPartnerListsAsync(Ct);
        Assert.Empty(emptied[0].Entries);
        Assert.Equal(["SG"], (await aeo.SummaryAsync(Ct)).PartnersWithEntries);
    }

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task FindReturnsOnlyTradersValidOnTheDayFromTheRegisterAndThePartnersLists(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var (exchange, aeo) = (storage.Database.Exchange, storage.Database.Aeo);
        var empty = await aeo.SummaryAsync(Ct);
        Assert.Equal(0, empty.RegisterEntries);
        Assert.Empty(empty.PartnersWithEntries);

        await aeo.ReplaceAllAsync(
            [Entry("GB1"), Entry("GB2", validTo: Today.AddDays(-1)), Entry("GB3", validFrom: Today.AddDays(1)), Entry("GB4", validTo: Today)], T0, null, Ct);
        await exchange.AcceptAsync(Inbox("CN", "m1"), new InboxEffects { AeoList = List("CN", "m1", T0, ("CN1", null), ("CN2", Today.AddDays(-1)), ("GB1", null)) }, Ct);

        var gb = await aeo.FindAsync(["GB1", "GB2"], Today, Ct);
        var expiredAndFuture = await aeo.FindAsync(["GB2", "GB3"], Today, Ct);
        var lastDay = await aeo.FindAsync(["GB4"], Today, Ct);
        var partner = await aeo.FindAsync(["CN1", "CN2"], Today, Ct);
        var summary = await aeo.SummaryAsync(Ct);

        Assert.Equal([new AeoMatch("GB1", null), new AeoMatch("GB1", "CN")], gb.OrderBy(m => m.Sender ?? ""));
        Assert.Empty(expiredAndFuture);
        Assert.Equal([new AeoMatch("GB4", null)], lastDay);
        Assert.Equal([new AeoMatch("CN1", "CN")], partner);
        Assert.Equal(4, summary.RegisterEntries);
        Assert.Equal(["CN"], summary.PartnersWithEntries);
    }

    private static AeoEntry Entry(string id, string name = "Example Ltd", DateOnly? validFrom = null, DateOnly? validTo = null) =>
        new(id, name, "GB", "AEOF", validFrom ?? new DateOnly(2024, 1, 1), validTo, "admin-key", T0);

    private static PartnerAeoList List(string sender, string messageId, DateTimeOffset createdAt, params (string Id, DateOnly? ValidTo)[] entries) =>
        new(sender, messageId, createdAt, createdAt, T0.AddHours(1),
            [.. entries.Select(e => new PartnerAeoEntry(e.Id, "Partner Trader " + e.Id, sender, "AEOS", new DateOnly(2024, 1, 1), e.ValidTo))]);

    private static InboxMessage Inbox(string sender, string id) =>
        new(sender, id, "aeo-list", T0, T0.AddHours(1), "jws", "{}", "receipt-" + id);

    private static OutboxMessage Message(string id, DateTimeOffset at) => new(id, "SG", "aeo-list", "{}", at);
}
