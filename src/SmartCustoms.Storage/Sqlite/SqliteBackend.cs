using Microsoft.Data.Sqlite;
using SmartCustoms.Storage.Migrations;
using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Sqlite;

/// <summary>
/// One file in the data folder. SQLite has a single writer, so every write goes through one <see cref="SqliteWriter"/>
/// that commits many of them at once; reads run on pooled connections beside it (WAL lets them).
/// </summary>
internal sealed class SqliteBackend : StorageBackend
{
    public const string FileName = "smartcustoms.db";

    private const string CreateMigrationsTable =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL) STRICT";

    // busy_timeout first: switching to WAL waits for other processes' locks. synchronous=FULL syncs the WAL at every
    // commit, so that a declaration answered as lodged survives a power cut, not only a killed process.
    // temp_store=MEMORY keeps the per-operation savepoint journals off the disk: they never need to survive a crash.
    private const string WriterPragmas =
        "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;";

    private readonly string _directory;
    private readonly string _readConnectionString;
    private readonly string _writeConnectionString;
    private readonly SqliteWriter _writer;

    private readonly long? _maxBytes;

    public SqliteBackend(string dataDirectory, long? maxBytes = null)
    {
        _maxBytes = maxBytes;
        _directory = Path.GetFullPath(dataDirectory);
        var file = Path.Combine(_directory, FileName);
        _readConnectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString();
        // The writer's connection lives as long as the writer; keeping it out of the pool keeps its pragmas out too.
        _writeConnectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        _writer = new SqliteWriter(OpenWriteConnection);
    }

    public override SqlDialect Dialect => SqliteDialect.Instance;

    public override async Task<T> ReadAsync<T>(Func<SqlSession, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_readConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return await read(new SqlSession(connection, null), cancellationToken).ConfigureAwait(false);
        }
    }

    public override int ExpectedSchemaVersion { get; } = MigrationScripts.For("Sqlite")[^1].Version;

    protected override Task<T> WriteCoreAsync<T>(Func<SqlSession, CancellationToken, Task<T>> write, CancellationToken cancellationToken) =>
        _writer.WriteAsync(write, cancellationToken);

    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        using var connection = OpenWriteConnection();
        // BEGIN IMMEDIATE takes the write lock up front: a second process migrating the same file waits here
        // (busy_timeout) and then finds every script applied.
        using var transaction = connection.BeginTransaction(deferred: false);
        await MigrationRunner.ApplyAsync(
            new SqlSession(connection, transaction), Dialect, CreateMigrationsTable, MigrationScripts.For("Sqlite"), cancellationToken).ConfigureAwait(false);
        transaction.Commit();
    }

    public override async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        // Pooled readers keep the file open; a later store on the same folder (or a test deleting it) needs it closed.
        using var connection = new SqliteConnection(_readConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    private SqliteConnection OpenWriteConnection()
    {
        Directory.CreateDirectory(_directory);
        var connection = new SqliteConnection(_writeConnectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = WriterPragmas;
            pragmas.ExecuteNonQuery();
            if (_maxBytes is { } max)
            {
                // SQLite keeps the cap per connection, and never below the file's present size.
                pragmas.CommandText = "PRAGMA page_size";
                var pageSize = Convert.ToInt64(pragmas.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
                pragmas.CommandText = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA max_page_count = {Math.Max(1, max / pageSize)}");
                pragmas.ExecuteNonQuery();
            }
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
