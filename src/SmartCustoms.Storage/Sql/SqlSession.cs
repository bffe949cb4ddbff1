using System.Data.Common;
using System.Globalization;

namespace SmartCustoms.Storage.Sql;

/// <summary>
/// A connection (and, for writes, its transaction) as the stores see it. Parameters are <c>("@name", value)</c> pairs;
/// rows are read by position, because the providers hand back different CLR types for the same column (text or
/// timestamptz, int8 or int4) and the dialect knows which.
/// </summary>
internal class SqlSession(DbConnection connection, DbTransaction? transaction)
{
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] args)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        var command = Command(sql, args);
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ReleaseAsync(command).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A statement whose result nobody reads (an insert of a row that nothing in the write reads back). The session may
    /// hold it and send it with the statements held after it, before the next statement that returns something and
    /// before the commit: one round trip for several. Its failure then surfaces there and fails the whole write, as the
    /// write's statements share one transaction anyway. Here it runs at once.
    /// </summary>
    public virtual Task DeferAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] args) =>
        ExecuteAsync(sql, cancellationToken, args);

    /// <summary>Sends the statements held by <see cref="DeferAsync"/>, if any; the backend calls it before committing.</summary>
    public virtual Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<long?> ScalarInt64Async(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] args)
    {
        var value = await ScalarAsync(sql, args, cancellationToken).ConfigureAwait(false);
        return value is null ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    public async Task<string?> ScalarStringAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] args) =>
        (string?)await ScalarAsync(sql, args, cancellationToken).ConfigureAwait(false);

    public async Task<List<T>> QueryAsync<T>(
        string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] args)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        var command = Command(sql, args);
        try
        {
            var rows = new List<T>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(map(reader));
                }
            }
            return rows;
        }
        finally
        {
            await ReleaseAsync(command).ConfigureAwait(false);
        }
    }

    public async Task<T?> QuerySingleOrDefaultAsync<T>(
        string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] args)
        where T : class
    {
        var rows = await QueryAsync(sql, map, cancellationToken, args).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>A command for <paramref name="sql"/>, enlisted in the session's transaction, with no parameters yet.</summary>
    protected virtual DbCommand CreateCommand(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    protected virtual ValueTask ReleaseAsync(DbCommand command) => command.DisposeAsync();

    private async Task<object?> ScalarAsync(string sql, (string Name, object? Value)[] args, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        var command = Command(sql, args);
        try
        {
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is DBNull ? null : value;
        }
        finally
        {
            await ReleaseAsync(command).ConfigureAwait(false);
        }
    }

    private DbCommand Command(string sql, (string Name, object? Value)[] args)
    {
        var command = CreateCommand(sql);
        foreach (var (name, value) in args)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
