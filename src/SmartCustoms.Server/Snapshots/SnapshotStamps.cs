using Microsoft.Extensions.Options;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Snapshots;

namespace SmartCustoms.Server.Snapshots;

/// <summary>
/// The snapshot versions as this server last read them, shared by all its <see cref="Snapshot{T}"/>s: one query of a few
/// rows at most every <c>RefreshSeconds</c>, however many snapshots there are. The versions are read on access rather
/// than by a background timer: an idle server queries nothing, and the first request after the interval sees what
/// another server wrote (the request that reads waits for the query; requests meanwhile keep the versions known).
/// </summary>
public sealed class SnapshotStamps(ISnapshotStore store, IOptions<SmartCustomsOptions> options, TimeProvider clock, ILogger<SnapshotStamps> logger)
{
    private readonly Lock _gate = new();
    private readonly List<ISnapshot> _snapshots = [];
    private volatile Seen? _seen;
    private Task<SnapshotVersions>? _reading;
    private int _reads;

    private sealed record Seen(SnapshotVersions Versions, DateTimeOffset At);

    /// <summary>How long versions read are trusted: what several servers on one database converge within.</summary>
    public TimeSpan RefreshEvery { get; } = TimeSpan.FromSeconds(Math.Max(options.Value.Risk.RefreshSeconds, 1));

    /// <summary>How many times the versions were read from the database.</summary>
    public int Reads => Volatile.Read(ref _reads);

    internal TimeProvider Clock => clock;

    internal ILogger Logger => logger;

    /// <summary>A snapshot of <paramref name="kinds"/>, loaded by <paramref name="load"/> on first use and whenever one of their versions grew.</summary>
    /// <param name="maxAge">Also reload when older than this, for data no version tracks (e.g. figures derived from lodgings).</param>
    public Snapshot<T> Create<T>(string name, IReadOnlyList<SnapshotKind> kinds, Func<CancellationToken, Task<T>> load, TimeSpan? maxAge = null)
    {
        var snapshot = new Snapshot<T>(this, name, kinds, load, maxAge);
        lock (_gate)
        {
            _snapshots.Add(snapshot);
        }

        return snapshot;
    }

    /// <summary>The versions, read again when older than <see cref="RefreshEvery"/>.</summary>
    public async ValueTask<SnapshotVersions> CurrentAsync(CancellationToken cancellationToken)
    {
        var seen = _seen;
        if (seen is not null && clock.GetUtcNow() - seen.At < RefreshEvery)
        {
            return seen.Versions;
        }

        Task<SnapshotVersions> reading;
        lock (_gate)
        {
            if (_reading is { IsCompleted: false } running)
            {
                if (seen is not null)
                {
                    return seen.Versions;
                }

                reading = running;
            }
            else
            {
                reading = _reading = Task.Run(() => ReadAsync(CancellationToken.None), CancellationToken.None);
            }
        }

        try
        {
            return await reading.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (seen is not null && !cancellationToken.IsCancellationRequested)
        {
            // Logged by the read; the snapshots stay as they are until the database answers again.
            return seen.Versions;
        }
    }

    /// <summary>
    /// A write through this server committed: reads the versions now and brings every loaded snapshot up to date before
    /// returning, so that the writer's next request (on this server) sees its change.
    /// </summary>
    public async Task AfterWriteAsync(CancellationToken cancellationToken)
    {
        SnapshotVersions versions;
        try
        {
            versions = await ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The write is committed; the snapshots follow within RefreshSeconds once the database answers.
            return;
        }

        ISnapshot[] snapshots;
        lock (_gate)
        {
            snapshots = [.. _snapshots];
        }

        foreach (var snapshot in snapshots)
        {
            await snapshot.CatchUpAsync(versions, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<SnapshotVersions> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var read = await store.ReadVersionsAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _reads);
            lock (_gate)
            {
                var latest = _seen is { } seen ? seen.Versions.Latest(read) : read;
                _seen = new Seen(latest, clock.GetUtcNow());
                return latest;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SnapshotLog.VersionsUnread(logger, ex);
            lock (_gate)
            {
                // Tried again after an interval, not by every request while the database is away.
                _seen = _seen is { } seen ? seen with { At = clock.GetUtcNow() } : null;
            }

            throw;
        }
    }
}

/// <summary>What <see cref="SnapshotStamps.AfterWriteAsync"/> asks of every snapshot.</summary>
internal interface ISnapshot
{
    Task CatchUpAsync(SnapshotVersions versions, CancellationToken cancellationToken);
}
