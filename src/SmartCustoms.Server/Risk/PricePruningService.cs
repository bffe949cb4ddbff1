using Microsoft.Extensions.Options;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Risk;

namespace SmartCustoms.Server.Risk;

/// <summary>
/// Keeps the item prices the reference prices are computed from at twice <c>SmartCustoms:Risk:PriceSample</c>, away
/// from the lodging path: only the latest sample is ever read, so older rows go. With several servers, one prunes per
/// period: the first whose turn comes takes the job's lease for (nearly) the period and the others skip it.
/// </summary>
public sealed partial class PricePruningService(
    IRiskStore store, ScheduledJobs jobs, TimeProvider clock, IOptions<SmartCustomsOptions> options, ILogger<PricePruningService> logger)
    : BackgroundService
{
    /// <summary>The job's name on its lease.</summary>
    public const string Job = "price-pruning";

    /// <summary>How often old prices are pruned; as often as the reference prices are recomputed.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(10);

    // A little short of the period, so that the holder's next tick finds its own lease over.
    private static readonly TimeSpan Lease = Every * 0.9;

    /// <summary>One pass: the rows deleted.</summary>
    public Task<int> PruneAsync(CancellationToken cancellationToken) =>
        store.PrunePricesAsync(Math.Max(options.Value.Risk.PriceSample, 0) * 2, cancellationToken);

    /// <summary>The scheduled pass: prunes unless another server (or this one) already did in this period.</summary>
    /// <returns>Whether this server pruned.</returns>
    public Task<bool> PruneIfDueAsync(CancellationToken cancellationToken) =>
        jobs.RunAsync(Job, Lease, keep: true, PruneAsync, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        do
        {
            try
            {
                await PruneIfDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The table only grows until the next pass: nothing a declaration waits for.
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 21, EventName = "PricePruningFailed", Level = LogLevel.Warning,
        Message = "Old item prices could not be pruned; trying again at the next pass")]
    private static partial void LogFailed(ILogger logger, Exception? exception);
}
