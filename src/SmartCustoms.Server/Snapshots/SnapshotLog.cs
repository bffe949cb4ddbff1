using SmartCustoms.Storage.Snapshots;

namespace SmartCustoms.Server.Snapshots;

internal static partial class SnapshotLog
{
    [LoggerMessage(EventId = 60, EventName = "SnapshotReloaded", Level = LogLevel.Debug, Message = "Snapshot {Name} reloaded at versions {Versions}")]
    public static partial void Reloaded(ILogger logger, string name, SnapshotVersions versions);

    [LoggerMessage(EventId = 61, EventName = "SnapshotReloadFailed", Level = LogLevel.Warning,
        Message = "Snapshot {Name} could not be reloaded; the one loaded before stays in use and the reload is tried again")]
    public static partial void ReloadFailed(ILogger logger, Exception exception, string name);

    [LoggerMessage(EventId = 62, EventName = "SnapshotVersionsUnread", Level = LogLevel.Warning,
        Message = "The snapshot versions could not be read; snapshots stay as they are until the database answers")]
    public static partial void VersionsUnread(ILogger logger, Exception exception);
}
