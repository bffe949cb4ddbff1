namespace SmartCustoms.Storage;

/// <summary>Where a node keeps its state: an embedded SQLite file by default, or a shared PostgreSQL database.</summary>
public sealed record StorageOptions
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public string Provider { get; init; } = Sqlite;

    /// <summary>Npgsql connection string; required for <c>postgres</c>.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>For <c>sqlite</c>: the folder holding <c>smartcustoms.db</c>, created if missing.</summary>
    public string DataDirectory { get; init; } = "data";

    /// <summary>
    /// For <c>sqlite</c>: the most the database file may grow to, in bytes (a quota on a disk shared with others);
    /// a write that needs more fails as storage full. Null: as much as the disk holds.
    /// </summary>
    public long? MaxDatabaseBytes { get; init; }
}
