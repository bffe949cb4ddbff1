using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartCustoms.Storage.Tariffs;

namespace SmartCustoms.Server.Hosting;

/// <summary>Healthy when the database answers a read.</summary>
public sealed class DatabaseHealthCheck(ITariffStore tariffs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await tariffs.GetAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("database reachable");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("database unreachable", ex);
        }
    }
}
