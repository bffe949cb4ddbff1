using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Snapshots;

internal sealed class SnapshotStore(StorageBackend backend) : ISnapshotStore
{
    public Task<SnapshotVersions> ReadVersionsAsync(CancellationToken cancellationToken) =>
        backend.ReadAsync(async (session, ct) =>
        {
            var rows = await session.QueryAsync(
                "SELECT kind, version FROM snapshot_versions", r => (Kind: r.GetString(0), Version: r.GetInt64(1)), ct).ConfigureAwait(false);
            // A kind this build does not know (written by a newer one) is no concern of its snapshots.
            return SnapshotVersions.From(rows
                .Select(r => (Known: SnapshotWrites.Kinds.TryGetValue(r.Kind, out var kind), Kind: kind, r.Version))
                .Where(r => r.Known).Select(r => KeyValuePair.Create(r.Kind, r.Version)));
        }, cancellationToken);
}

/// <summary>Called by every store's write of a snapshot kind, inside its transaction, so that the version moves exactly when the data does.</summary>
internal static class SnapshotWrites
{
    public static readonly IReadOnlyDictionary<string, SnapshotKind> Kinds = new Dictionary<string, SnapshotKind>(StringComparer.Ordinal)
    {
        ["tariff"] = SnapshotKind.Tariff,
        ["criteria"] = SnapshotKind.Criteria,
        ["lanes"] = SnapshotKind.Lanes,
        ["models"] = SnapshotKind.Models,
        ["partners"] = SnapshotKind.Partners,
        ["aeo"] = SnapshotKind.Aeo,
    };

    private static readonly Dictionary<SnapshotKind, string> Names = Kinds.ToDictionary(k => k.Value, k => k.Key);

    /// <summary>
    /// Adds one to the kind's version. On PostgreSQL the row lock it takes also orders concurrent writes of one kind
    /// (the risk store relies on that to number criterion versions).
    /// </summary>
    public static Task<int> BumpAsync(SqlSession session, SnapshotKind kind, CancellationToken ct) =>
        session.ExecuteAsync("UPDATE snapshot_versions SET version = version + 1 WHERE kind = @kind", ct, ("@kind", Names[kind]));

    /// <summary>Takes the kind's row lock without moving its version.</summary>
    public static Task<int> LockAsync(SqlSession session, SnapshotKind kind, CancellationToken ct) =>
        session.ExecuteAsync("UPDATE snapshot_versions SET version = version WHERE kind = @kind", ct, ("@kind", Names[kind]));
}
