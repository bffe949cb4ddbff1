namespace SmartCustoms.Storage.Snapshots;

/// <summary>The versions servers poll to know whether what they hold in memory is still current.</summary>
public interface ISnapshotStore
{
    /// <summary>Every kind's version, in one query of a few rows.</summary>
    Task<SnapshotVersions> ReadVersionsAsync(CancellationToken cancellationToken);
}
