using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Health;

/// <summary>What readiness asks of the database: can it take a write now, and is its schema the one this build expects.</summary>
public sealed class NodeHealthStore
{
    private readonly StorageBackend _backend;

    internal NodeHealthStore(StorageBackend backend) => _backend = backend;

    /// <summary>The newest migration embedded in this build.</summary>
    public int ExpectedSchemaVersion => _backend.ExpectedSchemaVersion;

    /// <summary>True when a write failed for lack of space within <paramref name="window"/>.</summary>
    public bool WasFullWithin(TimeSpan window) => _backend.WasFullWithin(window);

    /// <summary>
    /// A real write, committed like any other: this server's heartbeat row upserted. Throws what the write threw
    /// (<see cref="StorageFailure.IsFull"/> tells a full disk).
    /// </summary>
    public Task BeatAsync(string serverId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        (string, object?)[] args = [("@server", serverId), ("@at", _backend.Dialect.ToDb(at))];
        return _backend.WriteAsync((session, ct) => session.ExecuteAsync(
            "INSERT INTO node_health (server_id, beat_at) VALUES (@server, @at) ON CONFLICT (server_id) DO UPDATE SET beat_at = excluded.beat_at",
            ct, args), cancellationToken);
    }

    /// <summary>The newest migration applied to the database; 0 when none is.</summary>
    public Task<int> SchemaVersionAsync(CancellationToken cancellationToken) =>
        _backend.ReadAsync(async (session, ct) =>
            (int)(await session.ScalarInt64Async("SELECT MAX(version) FROM schema_migrations", ct).ConfigureAwait(false) ?? 0), cancellationToken);
}
