using SmartCustoms.Storage.Snapshots;

namespace SmartCustoms.Server.Tests.Snapshots;

/// <summary>Snapshot versions held in memory, for tests of the primitive without a database; counts how often they are read.</summary>
internal sealed class VersionsInMemory : ISnapshotStore
{
    private readonly Dictionary<SnapshotKind, long> _versions = [];

    public int Reads { get; private set; }

    /// <summary>When set, reading the versions fails, as with a database that does not answer.</summary>
    public bool Unreachable { get; set; }

    public void Bump(SnapshotKind kind)
    {
        lock (_versions)
        {
            _versions[kind] = _versions.GetValueOrDefault(kind) + 1;
        }
    }

    public Task<SnapshotVersions> ReadVersionsAsync(CancellationToken cancellationToken)
    {
        lock (_versions)
        {
            Reads++;
            return Unreachable
                ? Task.FromException<SnapshotVersions>(new InvalidOperationException("database away"))
                : Task.FromResult(SnapshotVersions.From([.. _versions]));
        }
    }
}
