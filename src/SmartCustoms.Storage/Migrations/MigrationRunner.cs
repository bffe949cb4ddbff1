using System.Data.Common;
using Dapper;
using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Migrations;

/// <summary>
/// Applies the scripts missing from <c>schema_migrations</c>, all inside the caller's transaction: the caller holds
/// the lock that keeps a second process out until this one has committed, so that one sees them applied.
/// </summary>
internal static class MigrationRunner
{
    public static async Task ApplyAsync(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, string createTableSql,
        IReadOnlyList<MigrationScript> scripts, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(Db.Command(createTableSql, null, transaction, cancellationToken)).ConfigureAwait(false);
        var applied = (await connection.QueryAsync<long>(
            Db.Command("SELECT version FROM schema_migrations", null, transaction, cancellationToken)).ConfigureAwait(false)).ToHashSet();
        foreach (var script in scripts)
        {
            if (applied.Contains(script.Version))
            {
                continue;
            }
            await connection.ExecuteAsync(Db.Command(script.Sql, null, transaction, cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(Db.Command(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (@version, @at)",
                new { version = script.Version, at = dialect.ToDb(TimeProvider.System.GetUtcNow()) },
                transaction, cancellationToken)).ConfigureAwait(false);
        }
    }
}
