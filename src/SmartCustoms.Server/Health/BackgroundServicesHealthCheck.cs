using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmartCustoms.Server.Health;

/// <summary>
/// Healthy while no background loop of the node (delivery, retraining, price pruning) has crashed. A loop that ended
/// on its own by design (retraining when no schedule is set) is reported as finished, not as a failure.
/// </summary>
public sealed class BackgroundServicesHealthCheck(IEnumerable<IHostedService> services, IHostApplicationLifetime lifetime) : IHealthCheck
{
    private readonly BackgroundService[] _loops = [.. services.OfType<BackgroundService>()];

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var crashed = new List<string>();
        foreach (var loop in _loops)
        {
            var name = loop.GetType().Name;
            var state = loop.ExecuteTask switch
            {
                null => "starting",
                { IsFaulted: true } => "crashed",
                { IsCanceled: true } when !lifetime.ApplicationStopping.IsCancellationRequested => "crashed",
                { IsCompleted: true } => "finished",
                _ => "running",
            };
            data[name] = state;
            if (state == "crashed")
            {
                crashed.Add(name);
            }
        }

        return Task.FromResult(crashed.Count == 0
            ? HealthCheckResult.Healthy("background services running", data)
            : HealthCheckResult.Unhealthy($"crashed: {string.Join(", ", crashed)}", data: data));
    }
}
