namespace SmartCustoms.Storage.Sql;

/// <summary>
/// What differs between SQLite and PostgreSQL beyond SQL spelling: how connections are had and how writes are
/// committed. The stores are written once against this.
/// </summary>
internal abstract class StorageBackend : IAsyncDisposable
{
    public abstract SqlDialect Dialect { get; }

    /// <summary>Runs <paramref name="read"/> on a pooled connection, without a transaction.</summary>
    public abstract Task<T> ReadAsync<T>(Func<SqlSession, CancellationToken, Task<T>> read, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="write"/> in a transaction and completes once that transaction is durably committed.
    /// When <paramref name="write"/> throws, none of its changes are kept.
    /// </summary>
    public abstract Task<T> WriteAsync<T>(Func<SqlSession, CancellationToken, Task<T>> write, CancellationToken cancellationToken);

    public abstract Task MigrateAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}
