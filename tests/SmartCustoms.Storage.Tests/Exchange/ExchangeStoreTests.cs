using System.Data.Common;
using SmartCustoms.Storage.Declarations;
using SmartCustoms.Storage.Exchange;
using SmartCustoms.Storage.Tests.Declarations;

namespace SmartCustoms.Storage.Tests.Exchange;

public sealed class ExchangeStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task TheOutboxMessageOfALodgingCommitsWithItAndOnlyWithIt(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var database = storage.Database;
        await database.Exchange.EnqueueAsync(Message("taken"), Ct);

        var lodged = await database.Declarations.LodgeAsync(Samples.Lodge("GB1", "LRN-1") with { Outbox = mrn => [Message("for-" + mrn)] }, Ct);
        var resubmitted = await database.Declarations.LodgeAsync(Samples.Lodge("GB1", "LRN-1") with { Outbox = mrn => [Message("again-" + mrn)] }, Ct);
        // The message cannot be stored (its id is taken): the declaration is not stored either.
        await Assert.ThrowsAnyAsync<DbException>(() => database.Declarations.LodgeAsync(Samples.Lodge("GB1", "LRN-2") with { Outbox = _ => [Message("taken")] }, Ct));
        var outbox = await database.Exchange.ListMessagesAsync("out", null, 100, Ct);
        var declarations = await database.Declarations.ListAsync(new DeclarationQuery(), Ct);

        Assert.Equal(LodgeOutcome.Created, lodged.Outcome);
        Assert.Equal(LodgeOutcome.Duplicate, resubmitted.Outcome);
        Assert.Equal(["for-" + lodged.Record.Mrn, "taken"], outbox.Select(m => m.Id).Order(StringComparer.Ordinal));
        Assert.All(outbox, m => Assert.Equal(("pending", "SG", 0), (m.Status, m.Partner, m.Attempts)));
        Assert.Equal(["LRN-1"], declarations.Items.Select(d => d.Lrn));
    }

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task TwoServersClaimingTheOutboxNeverTakeTheSameMessageAndAFailureWaitsItsTurn(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var second = storage.Open();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 20; i++)
        {
            await storage.Database.Exchange.EnqueueAsync(Message($"m{i:D2}", now.AddSeconds(-1)), Ct);
        }

        var claims = await Task.WhenAll(
            storage.Database.Exchange.ClaimDueAsync(now, now.AddMinutes(1), 20, Ct), second.Exchange.ClaimDueAsync(now, now.AddMinutes(1), 20, Ct));
        var claimedAgain = await storage.Database.Exchange.ClaimDueAsync(now, now.AddMinutes(1), 20, Ct);
        await storage.Database.Exchange.MarkDeliveredAsync("m00", "receipt", now, Ct);
        await storage.Database.Exchange.MarkFailedAsync("m01", "SG unreachable", now.AddMinutes(-1), Ct);
        var retried = await second.Exchange.ClaimDueAsync(now, now.AddMinutes(1), 20, Ct);
        var messages = (await storage.Database.Exchange.ListMessagesAsync("out", "SG", 100, Ct)).ToDictionary(m => m.Id);

        Assert.Equal(20, claims.Sum(c => c.Count));
        Assert.Equal(20, claims.SelectMany(c => c).Select(m => m.Id).Distinct().Count());
        Assert.All(claims.SelectMany(c => c), m => Assert.Equal(1, m.Attempts));
        Assert.Empty(claimedAgain);
        Assert.Equal(["m01"], retried.Select(m => m.Id));
        Assert.Equal(2, retried[0].Attempts);
        Assert.Equal("delivered", messages["m00"].Status);
        Assert.NotNull(messages["m00"].DoneAt);
        Assert.Equal(("pending", "SG unreachable"), (messages["m01"].Status, messages["m01"].LastError));
    }

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task AServerRenewsOnlyItsOwnClaimsStillInFlightAndAnExpiredClaimGoesToAnotherServer(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var second = storage.Open();
        var now = DateTimeOffset.UtcNow;
        foreach (var id in new[] { "m1", "m2", "m3" })
        {
            await storage.Database.Exchange.EnqueueAsync(Message(id, now.AddSeconds(-1)), Ct);
        }

        var claimed = await storage.Database.Exchange.ClaimDueAsync(now, now.AddSeconds(10), 2, "server-a", Ct);
        var claimedBySecond = await second.Exchange.ClaimDueAsync(now, now.AddSeconds(10), 10, "server-b", Ct);
        await storage.Database.Exchange.MarkFailedAsync("m2", "SG unreachable", now.AddSeconds(12), Ct);
        await storage.Database.Exchange.RenewClaimsAsync(["m1", "m2", "m3"], "server-a", now.AddSeconds(30), Ct);
        var dueAfterFirstLease = await second.Exchange.ClaimDueAsync(now.AddSeconds(15), now.AddSeconds(60), 10, "server-b", Ct);
        var dueAfterRenewal = await second.Exchange.ClaimDueAsync(now.AddSeconds(31), now.AddSeconds(40), 10, "server-b", Ct);

        Assert.Equal(["m1", "m2"], claimed.Select(m => m.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["m3"], claimedBySecond.Select(m => m.Id));
        // m1 held by a's heartbeat; m2 failed (its retry is due, not renewed); m3 is b's, a cannot renew it.
        Assert.Equal(["m2", "m3"], dueAfterFirstLease.Select(m => m.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["m1"], dueAfterRenewal.Select(m => m.Id));
        Assert.Equal(2, dueAfterRenewal[0].Attempts);
    }

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task AReplayedMessageIsStoredOnceAndAnsweredWithTheFirstReceipt(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var exchange = storage.Database.Exchange;
        var now = DateTimeOffset.UtcNow;
        ExportDataRecord Export() => new("CN", "m1", "26CN00000000000001", "released", now, now, """{"lrn":"REF-1"}""",
            [new ExportDataKey(ExportDataKey.Container, "MSCU1234566"), new ExportDataKey(ExportDataKey.ExporterReference, "REF-1")]);

        var first = await exchange.AcceptAsync(Inbox("receipt-1", now), new InboxEffects { ExportData = Export() }, Ct);
        var replay = await exchange.AcceptAsync(Inbox("receipt-2", now), new InboxEffects { ExportData = Export() }, Ct);
        var byContainer = await exchange.FindExportDataAsync(ExportDataKey.Container, "MSCU1234566", 10, Ct);

        Assert.Equal(new InboxResult("receipt-1", true), first);
        Assert.Equal(new InboxResult("receipt-1", false), replay);
        Assert.Equal("receipt-1", await exchange.FindReceiptAsync("CN", "m1", Ct));
        Assert.Single(await exchange.ListMessagesAsync("in", null, 10, Ct));
        var data = Assert.Single(byContainer);
        Assert.Equal(("CN", "26CN00000000000001", "released"), (data.Sender, data.Mrn, data.Status));
        Assert.Equal(2, data.Keys.Count);
        Assert.Empty(await exchange.FindExportDataAsync(ExportDataKey.TransportDocument, "MSCU1234566", 10, Ct));
    }

    private static OutboxMessage Message(string id, DateTimeOffset? at = null) =>
        new(id, "SG", "export-data", """{"id":"x"}""", at ?? Samples.At);

    private static InboxMessage Inbox(string receipt, DateTimeOffset now) =>
        new("CN", "m1", "export-data", now, now, "header.payload.signature", """{"mrn":"26CN00000000000001"}""", receipt);
}
