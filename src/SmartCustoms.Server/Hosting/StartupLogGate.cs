namespace SmartCustoms.Server.Hosting;

/// <summary>
/// Keeps the host's own error log of a failed start (with its stack trace) out of the console: Program prints a set-up
/// failure as one line instead, and the runtime prints the trace of anything else. Once started, the host logs as usual
/// (a crashed background loop included).
/// </summary>
public sealed class StartupLogGate(IHostApplicationLifetime lifetime) : IHostedService
{
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    private static volatile bool s_started;

    public static bool Allows(string? category, LogLevel level) =>
        s_started || level >= LogLevel.Critical || !string.Equals(category, HostCategory, StringComparison.Ordinal);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => s_started = true);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
