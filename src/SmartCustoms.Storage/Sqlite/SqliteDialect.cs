using System.Data.Common;
using System.Globalization;
using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Sqlite;

internal sealed class SqliteDialect : SqlDialect
{
    // Fixed width, so that comparing and ordering the text compares and orders the instants.
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static SqliteDialect Instance { get; } = new();

    public override string JsonbCast => "";
    public override string JsonCast => "";
    public override string NextMrnNumber => "UPDATE counters SET value = value + 1 WHERE name = 'mrn' RETURNING value";

    public override object ToDb(DateTimeOffset value) =>
        Normalize(value).UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        DateTimeOffset.ParseExact(reader.GetString(ordinal), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
