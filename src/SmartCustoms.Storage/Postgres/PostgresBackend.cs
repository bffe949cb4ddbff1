using Npgsql;
using SmartCustoms.Storage.Migrations;
using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Postgres;

/// <summary>Pooled Npgsql connections, one transaction per write; several servers may share the database.</summary>
internal sealed class PostgresBackend(string connectionString) : StorageBackend
{
    // Any fixed number will do, as long as every SmartCustoms process uses the same one ("SMARTCUS").
    private const long MigrationLockKey = 0x534D_4152_5443_5553;

    private const string CreateMigrationsTable =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version integer NOT NULL PRIMARY KEY, applied_at timestamptz NOT NULL)";

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public override SqlDialect Dialect => PostgresDialect.Instance;

    public override async Task<T> ReadAsync<T>(Func<SqlSession, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await read(new SqlSession(connection, null), cancellationToken).ConfigureAwait(false);
        }
    }

    public override int ExpectedSchemaVersion { get; } = MigrationScripts.For("Postgres")[^1].Version;

    protected override async Task<T> WriteCoreAsync<T>(
        Func<SqlSession, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Disposing an uncommitted transaction rolls it back.
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var session = new PostgresSession(connection, transaction);
                var result = await write(session, cancellationToken).ConfigureAwait(false);
                await session.FlushAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
        }
    }

    public override Task MigrateAsync(CancellationToken cancellationToken) =>
        WriteAsync(async (session, ct) =>
        {
            // Held until commit: a second server starting at the same moment waits here, then finds nothing to do.
            await session.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", ct, ("@key", MigrationLockKey)).ConfigureAwait(false);
            await MigrationRunner.ApplyAsync(
                session, Dialect, CreateMigrationsTable, MigrationScripts.For("Postgres"), ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
