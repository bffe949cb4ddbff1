using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Migrations;

/// <summary>
/// Applies the scripts missing from <c>schema_migrations</c>, all inside the caller's transaction: the caller holds
/// the lock that keeps a second process out until this one has committed, so that one sees them applied.
/// </summary>
internal static class MigrationRunner
{
    public static async Task ApplyAsync(
        SqlSession session, SqlDialect dialect, string createTableSql, IReadOnlyList<MigrationScript> scripts,
        CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(createTableSql, cancellationToken).ConfigureAwait(false);
        var applied = (await session.QueryAsync(
            "SELECT version FROM schema_migrations", r => r.GetInt32(0),
            cancellationToken).ConfigureAwait(false)).ToHashSet();
        foreach (var script in scripts)
        {
            if (applied.Contains(script.Version))
            {
                continue;
            }
            await session.ExecuteAsync(script.Sql, cancellationToken).ConfigureAwait(false);
            await session.ExecuteAsync(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (@version, @at)", cancellationToken,
                ("@version", script.Version), ("@at", dialect.ToDb(TimeProvider.System.GetUtcNow()))).ConfigureAwait(false);
        }
    }
}
