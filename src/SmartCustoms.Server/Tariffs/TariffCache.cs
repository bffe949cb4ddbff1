using SmartCustoms.Domain.Tariffs;
using SmartCustoms.Server.Snapshots;
using SmartCustoms.Storage.Snapshots;
using SmartCustoms.Storage.Tariffs;

namespace SmartCustoms.Server.Tariffs;

/// <summary>
/// The schedule in force (up to several MiB of JSON), read and deserialized again only when a tariff was loaded, through
/// this server (seen on the next request) or another one (seen within <c>RefreshSeconds</c>).
/// </summary>
public sealed class TariffCache(ITariffStore store, SnapshotStamps stamps)
{
    private readonly Snapshot<TariffSchedule> _schedule = stamps.Create(
        "tariff", [SnapshotKind.Tariff], async ct => await store.GetAsync(ct).ConfigureAwait(false) ?? TariffFile.LoadDemo());

    public ValueTask<TariffSchedule> GetAsync(CancellationToken cancellationToken) => _schedule.GetAsync(cancellationToken);

    /// <summary>How many times the schedule was read from the database.</summary>
    public int Reloads => _schedule.Reloads;
}
