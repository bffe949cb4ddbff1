using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SmartCustoms.Server.Hosting;

namespace SmartCustoms.Server.Health;

/// <summary>Healthy while the data folder's disk has at least <c>SmartCustoms:Health:MinFreeDiskBytes</c> free.</summary>
public sealed class DiskSpaceHealthCheck(IOptions<SmartCustomsOptions> options) : IHealthCheck
{
    private readonly string _folder = Path.GetFullPath(options.Value.DataDirectory);
    private readonly long _minimum = options.Value.Health.MinFreeDiskBytes;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        long free;
        try
        {
            // On Unix DriveInfo asks statvfs about the very path, whatever its mount point.
            free = new DriveInfo(_folder).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"free space of the data folder unreadable ({ex.GetType().Name})"));
        }

        var data = new Dictionary<string, object> { ["freeBytes"] = free, ["minFreeBytes"] = _minimum };
        return Task.FromResult(free >= _minimum
            ? HealthCheckResult.Healthy("enough free disk space", data)
            : HealthCheckResult.Unhealthy("free disk space below SmartCustoms:Health:MinFreeDiskBytes", data: data));
    }
}
