using SmartCustoms.Storage.Snapshots;

namespace SmartCustoms.Server.Snapshots;

/// <summary>
/// A value read from the database and kept in memory until a version it was loaded at grows: the one way a server caches
/// what it reads on every request (the tariff, criteria, lane settings, the active model, partners, AEO holdings).
/// </summary>
/// <remarks>
/// One reload runs at a time. While it runs, other readers keep the value loaded before (only the first load is waited
/// for by all), and the reader that started it waits for it, so that the first request after a change sees the change.
/// A reload that fails keeps the value loaded before, logs, and is tried again after <see cref="SnapshotStamps.RefreshEvery"/>.
/// </remarks>
public sealed class Snapshot<T> : ISnapshot
{
    private readonly SnapshotStamps _stamps;
    private readonly string _name;
    private readonly IReadOnlyList<SnapshotKind> _kinds;
    private readonly Func<CancellationToken, Task<T>> _load;
    private readonly TimeSpan? _maxAge;
    private readonly Lock _gate = new();
    private volatile Loaded? _current;
    private volatile bool _expired;
    private Task<Loaded>? _reloading;
    private DateTimeOffset _retryAt = DateTimeOffset.MinValue;
    private int _reloads;

    internal Snapshot(SnapshotStamps stamps, string name, IReadOnlyList<SnapshotKind> kinds, Func<CancellationToken, Task<T>> load, TimeSpan? maxAge)
    {
        _stamps = stamps;
        _name = name;
        _kinds = kinds;
        _load = load;
        _maxAge = maxAge;
    }

    private sealed record Loaded(T Value, SnapshotVersions Versions, DateTimeOffset At);

    /// <summary>How many times the value was loaded (the first load included).</summary>
    public int Reloads => Volatile.Read(ref _reloads);

    public async ValueTask<T> GetAsync(CancellationToken cancellationToken)
    {
        var versions = await _stamps.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var current = _current;
        if (current is not null && IsCurrent(current, versions))
        {
            return current.Value;
        }

        Task<Loaded> reload;
        lock (_gate)
        {
            current = _current;
            if (current is not null && IsCurrent(current, versions))
            {
                return current.Value;
            }

            if (_reloading is { IsCompleted: false } running)
            {
                if (current is not null)
                {
                    return current.Value;
                }

                reload = running;
            }
            else if (current is not null && _stamps.Clock.GetUtcNow() < _retryAt)
            {
                return current.Value;
            }
            else
            {
                reload = Start(versions);
            }
        }

        if (current is null)
        {
            return (await reload.WaitAsync(cancellationToken).ConfigureAwait(false)).Value;
        }

        try
        {
            return (await reload.WaitAsync(cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Logged by the reload: the value loaded before stays in use.
            return current.Value;
        }
    }

    /// <summary>Reloads on the next access whatever the versions say (for data no version tracks).</summary>
    public void Expire() => _expired = true;

    async Task ISnapshot.CatchUpAsync(SnapshotVersions versions, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task<Loaded> reload;
            lock (_gate)
            {
                // Never loaded: its first use loads it.
                if (_current is not { } current || current.Versions.Covers(versions, _kinds))
                {
                    return;
                }

                // A reload already running may have read before the write: wait for it, then look again.
                reload = _reloading is { IsCompleted: false } running ? running : Start(versions);
            }

            try
            {
                await reload.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private bool IsCurrent(Loaded loaded, SnapshotVersions versions) =>
        !_expired && loaded.Versions.Covers(versions, _kinds) && (_maxAge is not { } maxAge || _stamps.Clock.GetUtcNow() - loaded.At < maxAge);

    /// <summary>Starts the one reload, under <see cref="_gate"/>, off the caller's thread so that nothing of it runs inside the lock.</summary>
    private Task<Loaded> Start(SnapshotVersions versions)
    {
        _expired = false;
        var reload = Task.Run(() => ReloadAsync(versions), CancellationToken.None);
        _reloading = reload;
        return reload;
    }

    private async Task<Loaded> ReloadAsync(SnapshotVersions versions)
    {
        try
        {
            // Not the reader's token: the reload serves every reader, and a reader that gives up should not waste it.
            var value = await _load(CancellationToken.None).ConfigureAwait(false);
            // Marked with the versions read before loading: a write committed meanwhile shows as a newer version, and reloads again.
            var loaded = new Loaded(value, versions, _stamps.Clock.GetUtcNow());
            _current = loaded;
            Interlocked.Increment(ref _reloads);
            SnapshotLog.Reloaded(_stamps.Logger, _name, versions);
            return loaded;
        }
        catch (Exception ex)
        {
            _retryAt = _stamps.Clock.GetUtcNow() + _stamps.RefreshEvery;
            SnapshotLog.ReloadFailed(_stamps.Logger, ex, _name);
            throw;
        }
    }
}
