using System.Data.Common;
using Microsoft.Data.Sqlite;
using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Sqlite;

/// <summary>
/// The writer's session: each statement is prepared once for the life of the connection and reused. Preparing
/// costs more than running these short statements, and the writer runs all of them one after the other.
/// </summary>
internal sealed class PreparedSqlSession(SqliteConnection connection) : SqlSession(connection, null)
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteTransaction? Transaction { get; set; }

    protected override DbCommand CreateCommand(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }
        command.Transaction = Transaction;
        command.Parameters.Clear();
        return command;
    }

    protected override ValueTask ReleaseAsync(DbCommand command) => ValueTask.CompletedTask;
}
