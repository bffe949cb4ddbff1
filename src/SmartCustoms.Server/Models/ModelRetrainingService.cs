using Microsoft.Extensions.Options;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Models;

namespace SmartCustoms.Server.Models;

/// <summary>
/// Retrains the fraud model from the node's inspection results every <c>SmartCustoms:Risk:RetrainEvery</c> (off when
/// unset). With several servers, one at a time looks, under the job's lease: the one that finds the latest trained model
/// older than the period trains, the others skip their turn. The model is activated only if it validates at least
/// as well as the active one.
/// </summary>
public sealed partial class ModelRetrainingService(
    NodeModelTrainer trainer, IModelStore models, ScheduledJobs jobs, TimeProvider clock, IOptions<SmartCustomsOptions> options,
    ILogger<ModelRetrainingService> logger)
    : BackgroundService
{
    public const string Actor = "scheduled-retraining";

    /// <summary>The job's name on its lease.</summary>
    public const string Job = "model-retraining";

    // Renewed while a training runs; a crashed trainer holds the job this long at most.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Risk.RetrainEvery is not { } period || period <= TimeSpan.Zero)
        {
            return;
        }

        // Checks often enough that a restart does not push the next training back by a whole period.
        var every = TimeSpan.FromTicks(Math.Clamp(period.Ticks / 10, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromMinutes(1).Ticks));
        using var timer = new PeriodicTimer(every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await jobs.RunAsync(Job, Lease, keep: false, ct => TrainIfDueAsync(period, ct), stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed training must not stop the next one, nor the node.
                LogFailed(logger, ex);
            }
        }
    }

    private async Task TrainIfDueAsync(TimeSpan period, CancellationToken cancellationToken)
    {
        var latest = (await models.ListAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(m => m.Source == "training");
        if (latest is not null && clock.GetUtcNow() - latest.CreatedAt < period)
        {
            return;
        }

        var outcome = await trainer.TrainAsync(Actor, cancellationToken).ConfigureAwait(false);
        if (outcome is { Model: null })
        {
            LogSkipped(logger, outcome.Reason, null);
        }
    }

    [LoggerMessage(EventId = 31, EventName = "RetrainingSkipped", Level = LogLevel.Information,
        Message = "Scheduled retraining skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string reason, Exception? exception);

    [LoggerMessage(EventId = 32, EventName = "RetrainingFailed", Level = LogLevel.Error,
        Message = "Scheduled retraining failed")]
    private static partial void LogFailed(ILogger logger, Exception? exception);
}
