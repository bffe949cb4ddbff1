using Npgsql;

namespace SmartCustoms.Server.Tests.Infrastructure;

/// <summary>
/// The databases a node test runs against: SQLite always, PostgreSQL when SMARTCUSTOMS_TEST_POSTGRES names a
/// server (CI sets it; see .ci/run). Each test gets a database of its own.
/// </summary>
public static class Databases
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    public const string EnvironmentVariable = "SMARTCUSTOMS_TEST_POSTGRES";

    public static TheoryData<string> Providers => [Sqlite, Postgres];

    /// <summary>Creates an empty PostgreSQL database and returns its connection string, or skips the test.</summary>
    public static async Task<string> CreatePostgresAsync()
    {
        var admin = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            Assert.Skip($"{EnvironmentVariable} is not set: PostgreSQL tests run in CI (.ci/run) or where it names a server.");
        }

        var name = "sc_server_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }
}
