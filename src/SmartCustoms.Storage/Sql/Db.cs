using System.Data.Common;
using Dapper;

namespace SmartCustoms.Storage.Sql;

/// <summary>
/// Dapper binds the parameters; rows are read by position, because the two providers hand back different
/// CLR types for the same column (text or timestamptz, int8 or int4) and the dialect knows which.
/// </summary>
internal static class Db
{
    public static CommandDefinition Command(string sql, object? args, DbTransaction? transaction, CancellationToken cancellationToken) =>
        new(sql, args, transaction, cancellationToken: cancellationToken);

    public static async Task<List<T>> QueryAsync<T>(
        this DbConnection connection, string sql, object? args, DbTransaction? transaction, Func<DbDataReader, T> map,
        CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        var reader = await connection.ExecuteReaderAsync(Command(sql, args, transaction, cancellationToken)).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(map(reader));
            }
        }
        return rows;
    }

    public static async Task<T?> QuerySingleOrDefaultAsync<T>(
        this DbConnection connection, string sql, object? args, DbTransaction? transaction, Func<DbDataReader, T> map,
        CancellationToken cancellationToken)
        where T : class
    {
        var rows = await connection.QueryAsync(sql, args, transaction, map, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
