using Npgsql;
using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Postgres;

/// <summary>
/// A write session on PostgreSQL that holds the statements given to <see cref="DeferAsync"/> and sends them as one
/// <see cref="NpgsqlBatch"/>: a lodging's dozen inserts cost one round trip instead of one each.
/// </summary>
internal sealed class PostgresSession(NpgsqlConnection connection, NpgsqlTransaction transaction) : SqlSession(connection, transaction)
{
    private NpgsqlBatch? _held;

    public override Task DeferAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        _held ??= new NpgsqlBatch(connection, transaction);
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in args)
        {
            command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
        }

        _held.BatchCommands.Add(command);
        return Task.CompletedTask;
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_held is not { } batch)
        {
            return;
        }

        _held = null;
        await using (batch.ConfigureAwait(false))
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
