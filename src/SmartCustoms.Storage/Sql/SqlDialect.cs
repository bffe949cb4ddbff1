using System.Data.Common;

namespace SmartCustoms.Storage.Sql;

/// <summary>The few places where one SQL text cannot serve both databases.</summary>
internal abstract class SqlDialect
{
    /// <summary>Appended to a parameter bound to a jsonb column (PostgreSQL will not take text there implicitly).</summary>
    public abstract string JsonbCast { get; }

    /// <summary>Appended to a parameter bound to a json column, which keeps the text exactly as given.</summary>
    public abstract string JsonCast { get; }

    /// <summary>A statement returning the next MRN number; runs inside the lodging transaction.</summary>
    public abstract string NextMrnNumber { get; }

    /// <summary>
    /// A statement holding other writers of node secrets off until commit, where a check-then-insert could otherwise race
    /// between servers; null where write transactions are serialised anyway (SQLite's BEGIN IMMEDIATE).
    /// </summary>
    public virtual string? LockNodeSecrets => null;

    public abstract object ToDb(DateTimeOffset value);

    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    public DateTimeOffset? ReadNullableTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadTime(reader, ordinal);

    public object? ToDb(DateTimeOffset? value) => value is { } v ? ToDb(v) : null;

    /// <summary>
    /// PostgreSQL keeps microseconds, .NET ticks are 100 ns: both providers store the same truncated UTC instant,
    /// so that what a store hands back equals what it later reads.
    /// </summary>
    public static DateTimeOffset Normalize(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);
}
