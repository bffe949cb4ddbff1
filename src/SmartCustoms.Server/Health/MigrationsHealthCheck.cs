using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartCustoms.Storage.Health;

namespace SmartCustoms.Server.Health;

/// <summary>
/// Healthy when the database's schema is the one this build expects: a server of an older build on a database
/// migrated by a newer one (or the reverse) reports it rather than failing on some query.
/// </summary>
public sealed class MigrationsHealthCheck(NodeHealthStore health) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        int applied;
        try
        {
            applied = await health.SchemaVersionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"schema version unreadable ({ex.GetType().Name})");
        }

        var data = new Dictionary<string, object> { ["applied"] = applied, ["expected"] = health.ExpectedSchemaVersion };
        return applied == health.ExpectedSchemaVersion
            ? HealthCheckResult.Healthy($"schema at version {applied}", data)
            : HealthCheckResult.Unhealthy($"schema at version {applied}, this build expects {health.ExpectedSchemaVersion}", data: data);
    }
}
