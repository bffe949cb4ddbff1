using System.Data.Common;
using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Postgres;

internal sealed class PostgresDialect : SqlDialect
{
    public static PostgresDialect Instance { get; } = new();

    public override string JsonbCast => "::jsonb";
    public override string JsonCast => "::json";
    public override string NextMrnNumber => "SELECT nextval('mrn_seq')";

    // Its own advisory lock number, apart from the migrations' one.
    public override string? LockNodeSecrets => "SELECT pg_advisory_xact_lock(5348554753)";

    // Npgsql writes timestamptz only from a DateTimeOffset at offset zero.
    public override object ToDb(DateTimeOffset value) => Normalize(value);

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);
}
