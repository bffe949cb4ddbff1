using SmartCustoms.Domain.Risk;
using SmartCustoms.Domain.Tariffs;
using SmartCustoms.Storage.Aeo;
using SmartCustoms.Storage.Exchange;
using SmartCustoms.Storage.Snapshots;

namespace SmartCustoms.Storage.Tests.Snapshots;

/// <summary>What servers poll to know that their snapshots are current: each write moves its own kind's version, and only that.</summary>
public sealed class SnapshotVersionTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task EveryWriteMovesTheVersionOfItsOwnKindSeenFromAnotherServer(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var db = storage.Database;
        var other = storage.Open().Snapshots;
        var model = await db.Models.AddAsync("test", "{}", new byte[] { 1, 2, 3 }, "admin", At, Ct);
        var steps = new (SnapshotKind? Moves, Func<Task> Write)[]
        {
            (SnapshotKind.Tariff, () => db.Tariffs.SaveAsync(new TariffSchedule { Name = "T", Currency = "GBP", DefaultDutyRate = 0m, DefaultVatRate = 20m }, "admin", At, Ct)),
            (SnapshotKind.Criteria, () => db.Risk.SaveCriterionAsync(new CriterionDocument { Id = "c", Weight = 10m }, "analyst", At, Ct)),
            (SnapshotKind.Criteria, () => db.Risk.RetireAsync("c", "analyst", At, Ct)),
            (null, () => db.Risk.RetireAsync("c", "analyst", At, Ct)),
            (SnapshotKind.Lanes, () => db.Risk.SaveLaneSettingsAsync(new LaneSettings { Office = "GB000001" }, "admin", At, Ct)),
            (SnapshotKind.Models, () => db.Models.ActivateAsync(model.Id, "admin", At, "first", Ct)),
            (null, () => db.Models.ActivateAsync(model.Id + 1, "admin", At, "no such model", Ct)),
            (SnapshotKind.Partners, () => db.Exchange.SavePartnerAsync(new PartnerRecord("SG", "SG", "https://sg.example", "{}", "{}", "admin", At, At), Ct)),
            (SnapshotKind.Aeo, () => db.Aeo.SaveAsync(new AeoEntry("GB1", "Example Ltd", "GB", "AEOF", new DateOnly(2024, 1, 1), null, "admin", At), null, Ct)),
            (SnapshotKind.Aeo, () => db.Exchange.AcceptAsync(
                new InboxMessage("SG", "m1", "aeo-list", At, At, "jws", "{}", "receipt"),
                new InboxEffects { AeoList = new PartnerAeoList("SG", "m1", At, At, At, [new PartnerAeoEntry("SG1", "Trader", "SG", "AEOS", new DateOnly(2024, 1, 1), null)]) },
                Ct)),
            (null, () => db.Exchange.EnqueueAsync(new OutboxMessage("o1", "SG", "risk-alert", "{}", At), Ct)),
        };

        var before = await other.ReadVersionsAsync(Ct);
        foreach (var (moves, write) in steps)
        {
            await write();
            var after = await other.ReadVersionsAsync(Ct);

            foreach (var kind in Enum.GetValues<SnapshotKind>())
            {
                Assert.True(after[kind] == before[kind] + (kind == moves ? 1 : 0), $"{kind} after the write of {moves?.ToString() ?? "nothing"}: {before} -> {after}");
            }

            before = after;
        }
    }
}
