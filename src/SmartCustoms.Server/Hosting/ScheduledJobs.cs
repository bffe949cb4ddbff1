using SmartCustoms.Storage.Leases;

namespace SmartCustoms.Server.Hosting;

/// <summary>
/// Runs a scheduled job on one server of the node at a time, under a lease in the database: the server that takes the
/// lease runs the job and renews the lease while it runs; the others skip that turn. A crashed holder's lease runs out,
/// and the next server whose turn comes takes the job over.
/// </summary>
public sealed partial class ScheduledJobs(JobLeases leases, ServerInstance instance, TimeProvider clock, ILogger<ScheduledJobs> logger)
{
    /// <summary>
    /// Runs <paramref name="work"/> if this server takes the lease on <paramref name="job"/> for <paramref name="lease"/>.
    /// With <paramref name="keep"/> the lease is kept after the run, so that the job runs once per lease across the
    /// servers; without, it is released at once (for jobs that decide for themselves whether they are due).
    /// </summary>
    /// <returns>Whether this server ran the job.</returns>
    public async Task<bool> RunAsync(string job, TimeSpan lease, bool keep, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!await leases.TryAcquireAsync(job, instance.Id, clock.GetUtcNow(), lease, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = RenewWhileRunningAsync(job, lease, running.Token);
        try
        {
            await work(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await running.CancelAsync().ConfigureAwait(false);
            await heartbeat.ConfigureAwait(false);
            if (!keep)
            {
                await leases.ReleaseAsync(job, instance.Id, CancellationToken.None).ConfigureAwait(false);
            }
        }

        return true;
    }

    private async Task RenewWhileRunningAsync(string job, TimeSpan lease, CancellationToken running)
    {
        try
        {
            using var timer = new PeriodicTimer(lease / 3, clock);
            while (await timer.WaitForNextTickAsync(running).ConfigureAwait(false))
            {
                if (!await leases.RenewAsync(job, instance.Id, clock.GetUtcNow(), lease, running).ConfigureAwait(false))
                {
                    LogLeaseLost(logger, job);
                }
            }
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
            // The run is over.
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            // The job runs on; at worst another server starts it too once the lease runs out, and each job is safe to repeat.
            LogRenewFailed(logger, job, ex);
        }
    }

    [LoggerMessage(EventId = 113, EventName = "JobLeaseLost", Level = LogLevel.Warning, Message = "The lease on job {Job} was taken by another server while this one ran it")]
    private static partial void LogLeaseLost(ILogger logger, string job);

    [LoggerMessage(EventId = 114, EventName = "JobLeaseRenewFailed", Level = LogLevel.Warning, Message = "The lease on job {Job} could not be renewed")]
    private static partial void LogRenewFailed(ILogger logger, string job, Exception exception);
}
