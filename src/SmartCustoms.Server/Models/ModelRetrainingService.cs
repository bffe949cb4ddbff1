using Microsoft.Extensions.Options;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Models;

namespace SmartCustoms.Server.Models;

/// <summary>
/// Retrains the fraud model from the node's inspection results every <c>SmartCustoms:Risk:RetrainEvery</c> (off when
/// unset). With several servers, the one that finds the latest trained model older than the period trains; the
/// model is activated only if it validates at least as well as the active one.
/// </summary>
public sealed partial class ModelRetrainingService(
    NodeModelTrainer trainer, IModelStore models, TimeProvider clock, IOptions<SmartCustomsOptions> options, ILogger<ModelRetrainingService> logger)
    : BackgroundService
{
    public const string Actor = "scheduled-retraining";

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
                var latest = (await models.ListAsync(stoppingToken).ConfigureAwait(false)).FirstOrDefault(m => m.Source == "training");
                if (latest is not null && clock.GetUtcNow() - latest.CreatedAt < period)
                {
                    continue;
                }

                var outcome = await trainer.TrainAsync(Actor, stoppingToken).ConfigureAwait(false);
                if (outcome is { Model: null })
                {
                    LogSkipped(logger, outcome.Reason, null);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed training must not stop the next one, nor the node.
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 31, EventName = "RetrainingSkipped", Level = LogLevel.Information,
        Message = "Scheduled retraining skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string reason, Exception? exception);

    [LoggerMessage(EventId = 32, EventName = "RetrainingFailed", Level = LogLevel.Error,
        Message = "Scheduled retraining failed")]
    private static partial void LogFailed(ILogger logger, Exception? exception);
}
