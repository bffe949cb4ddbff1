using Npgsql;

namespace SmartCustoms.Storage.Tests;

/// <summary>
/// A store of its own for one test: a temporary folder for SQLite, a fresh database for PostgreSQL (on the server
/// named by SMARTCUSTOMS_TEST_POSTGRES, whose user may create databases). Everything is removed on dispose.
/// </summary>
internal sealed class TestStorage : IAsyncDisposable
{
    public const string PostgresVariable = "SMARTCUSTOMS_TEST_POSTGRES";

    private readonly List<Database> _opened = [];
    private readonly Func<Task> _remove;

    private TestStorage(StorageOptions options, Func<Task> remove)
    {
        Options = options;
        _remove = remove;
    }

    public StorageOptions Options { get; }

    /// <summary>The first database opened on the store (migrated unless asked otherwise).</summary>
    public Database Database => _opened[0];

    public static async Task<TestStorage> CreateAsync(string provider, bool migrate = true)
    {
        var storage = provider switch
        {
            StorageOptions.Sqlite => CreateSqlite(),
            StorageOptions.Postgres => await CreatePostgresAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
        var database = storage.Open();
        if (migrate)
        {
            await database.MigrateAsync(TestContext.Current.CancellationToken);
        }
        return storage;
    }

    /// <summary>Another database object on the same store, as a second server process would have.</summary>
    public Database Open()
    {
        var database = StorageFactory.Create(Options);
        _opened.Add(database);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var database in _opened)
            {
                await database.DisposeAsync();
            }
        }
        finally
        {
            await _remove();
        }
    }

    private static TestStorage CreateSqlite()
    {
        var directory = Path.Combine(Path.GetTempPath(), "sc-test-" + Guid.NewGuid().ToString("N"));
        return new TestStorage(
            new StorageOptions { Provider = StorageOptions.Sqlite, DataDirectory = directory },
            () =>
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
                return Task.CompletedTask;
            });
    }

    private static async Task<TestStorage> CreatePostgresAsync()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            Assert.Skip($"{PostgresVariable} is not set");
        }
        var name = "sc_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestStorage(
            new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = connectionString },
            () => DropAsync(admin, name));
    }

    /// <summary>
    /// A background process of the server (a vacuum, a stats worker) may still hold the test database for a moment
    /// after the test; FORCE cannot end those for a non-superuser role, so dropping is retried briefly.
    /// </summary>
    private static async Task DropAsync(string admin, string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException ex) when (attempt < 10 && ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                await Task.Delay(200 * attempt);
            }
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
