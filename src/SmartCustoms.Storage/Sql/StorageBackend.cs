using SmartCustoms.Storage.Health;

namespace SmartCustoms.Storage.Sql;

/// <summary>
/// What differs between SQLite and PostgreSQL beyond SQL spelling: how connections are had and how writes are
/// committed. The stores are written once against this.
/// </summary>
internal abstract class StorageBackend : IAsyncDisposable
{
    // Environment.TickCount64 of the last write refused for lack of space; 0: none since start.
    private long _fullAtTicks;

    public abstract SqlDialect Dialect { get; }

    /// <summary>Runs <paramref name="read"/> on a pooled connection, without a transaction.</summary>
    public abstract Task<T> ReadAsync<T>(Func<SqlSession, CancellationToken, Task<T>> read, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="write"/> in a transaction and completes once that transaction is durably committed.
    /// When <paramref name="write"/> throws, none of its changes are kept.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqlSession, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteCoreAsync(write, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (StorageFailure.IsFull(exception))
        {
            // Remembered for readiness: on a full disk small updates may still fit while every growing write fails.
            Interlocked.Exchange(ref _fullAtTicks, Environment.TickCount64);
            throw;
        }
    }

    /// <summary>True when a write failed for lack of space within <paramref name="window"/>.</summary>
    public bool WasFullWithin(TimeSpan window)
    {
        var at = Interlocked.Read(ref _fullAtTicks);
        return at != 0 && Environment.TickCount64 - at <= (long)window.TotalMilliseconds;
    }

    /// <summary>The script version the schema must have reached: the newest embedded migration.</summary>
    public abstract int ExpectedSchemaVersion { get; }

    protected abstract Task<T> WriteCoreAsync<T>(Func<SqlSession, CancellationToken, Task<T>> write, CancellationToken cancellationToken);

    public abstract Task MigrateAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}
