using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartCustoms.Storage.Health;

namespace SmartCustoms.Server.Health;

/// <summary>
/// Healthy when the database takes a real write now (this server's heartbeat row) and no write was refused for lack
/// of space in the last minute: on a full disk an update in place may still fit while every lodging fails.
/// </summary>
public sealed class DatabaseHealthCheck(NodeHealthStore health, TimeProvider clock) : IHealthCheck
{
    /// <summary>How long a write refused for lack of space keeps readiness failing.</summary>
    public static readonly TimeSpan FullFor = TimeSpan.FromMinutes(1);

    // Several servers may share one database; each keeps a row of its own.
    private static readonly string ServerId = $"{Environment.MachineName}:{Environment.ProcessId}";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (health.WasFullWithin(FullFor))
        {
            return HealthCheckResult.Unhealthy("storage full: a write was refused for lack of space in the last minute");
        }

        try
        {
            await health.BeatAsync(ServerId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("database writable");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException or IOException)
        {
            // The exception stays out of the answer (probes are anonymous); its kind says enough to an operator.
            return HealthCheckResult.Unhealthy(StorageFailure.IsFull(ex) ? "storage full" : $"database not writable ({ex.GetType().Name})");
        }
    }
}
