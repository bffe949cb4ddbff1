using SmartCustoms.Domain.Tariffs;
using SmartCustoms.Storage.Tariffs;

namespace SmartCustoms.Server.Tariffs;

/// <summary>
/// The schedule in force, read from the database at most every few seconds so that a tariff loaded through
/// any server reaches all of them without a restart.
/// </summary>
public sealed class TariffCache(ITariffStore store, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private TariffSchedule? _schedule;
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;

    public async ValueTask<TariffSchedule> GetAsync(CancellationToken cancellationToken)
    {
        if (_schedule is { } current && clock.GetUtcNow() - _loadedAt < RefreshAfter)
        {
            return current;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_schedule is null || clock.GetUtcNow() - _loadedAt >= RefreshAfter)
            {
                _schedule = await store.GetAsync(cancellationToken).ConfigureAwait(false) ?? TariffFile.LoadDemo();
                _loadedAt = clock.GetUtcNow();
            }

            return _schedule;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Invalidate() => _loadedAt = DateTimeOffset.MinValue;

    public void Dispose() => _refresh.Dispose();
}
