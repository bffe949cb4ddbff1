using Npgsql;

namespace SmartCustoms.Benchmarks.Lodging;

/// <summary>
/// A database of its own for one benchmark case, so that every run starts from empty tables and indexes, like
/// the SQLite cases' new file. Needs CREATEDB (the .ci/postgres.sh role has it).
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public const string Variable = "SMARTCUSTOMS_BENCH_POSTGRES";

    private readonly string _admin;
    private readonly string _name;

    private PostgresDatabase(string admin, string name, string connectionString)
    {
        _admin = admin;
        _name = name;
        ConnectionString = connectionString;
    }

    public static string? Configured => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public string ConnectionString { get; }

    public string Name => _name;

    public static async Task<PostgresDatabase> CreateAsync(string baseConnectionString)
    {
        // Unpooled: a pooled idle connection to the new database would block its DROP at the end.
        var admin = new NpgsqlConnectionStringBuilder(baseConnectionString) { Pooling = false }.ConnectionString;
        var name = "scbench_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"").ConfigureAwait(false);
        var connectionString = new NpgsqlConnectionStringBuilder(baseConnectionString) { Database = name }.ConnectionString;
        return new PostgresDatabase(admin, name, connectionString);
    }

    public async ValueTask DisposeAsync() =>
        await ExecuteAsync(_admin, $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)").ConfigureAwait(false);

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        var connection = new NpgsqlConnection(connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            var command = new NpgsqlCommand(sql, connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
    }
}
