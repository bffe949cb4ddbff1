using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Leases;

/// <summary>
/// Leases on named jobs, so that of several servers on one database one runs each scheduled job. Each call is one
/// atomic statement: a conditional upsert or update, which the database serialises on the job's row. Times come from
/// the caller's clock, as for the outbox claims; servers' clocks need only agree to well within a lease.
/// </summary>
public sealed class JobLeases
{
    private readonly StorageBackend _backend;
    private readonly SqlDialect _dialect;

    internal JobLeases(StorageBackend backend)
    {
        _backend = backend;
        _dialect = backend.Dialect;
    }

    /// <summary>Takes the job for <paramref name="holder"/> until <paramref name="now"/> + <paramref name="duration"/> if nobody holds it at <paramref name="now"/>.</summary>
    /// <returns>Whether <paramref name="holder"/> now holds it (false while any holder's lease, its own included, runs).</returns>
    public async Task<bool> TryAcquireAsync(string job, string holder, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken) =>
        await _backend.WriteAsync((session, ct) => session.ExecuteAsync(
            "INSERT INTO job_leases (job, holder, lease_until) VALUES (@job, @holder, @until) " +
            "ON CONFLICT (job) DO UPDATE SET holder = excluded.holder, lease_until = excluded.lease_until WHERE job_leases.lease_until <= @now", ct,
            ("@job", job), ("@holder", holder), ("@until", _dialect.ToDb(now + duration)), ("@now", _dialect.ToDb(now))), cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Extends the lease of <paramref name="holder"/> to <paramref name="now"/> + <paramref name="duration"/>.</summary>
    /// <returns>False when another server has taken the job meanwhile (the lease had run out).</returns>
    public async Task<bool> RenewAsync(string job, string holder, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken) =>
        await _backend.WriteAsync((session, ct) => session.ExecuteAsync(
            "UPDATE job_leases SET lease_until = @until WHERE job = @job AND holder = @holder", ct,
            ("@job", job), ("@holder", holder), ("@until", _dialect.ToDb(now + duration))), cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Gives the job up at once, if <paramref name="holder"/> holds it.</summary>
    public Task ReleaseAsync(string job, string holder, CancellationToken cancellationToken) =>
        _backend.WriteAsync((session, ct) => session.ExecuteAsync(
            "DELETE FROM job_leases WHERE job = @job AND holder = @holder", ct, ("@job", job), ("@holder", holder)), cancellationToken);

    /// <summary>Who holds the job at <paramref name="now"/>, or null.</summary>
    public Task<string?> HolderAsync(string job, DateTimeOffset now, CancellationToken cancellationToken) =>
        _backend.ReadAsync((session, ct) => session.ScalarStringAsync(
            "SELECT holder FROM job_leases WHERE job = @job AND lease_until > @now", ct, ("@job", job), ("@now", _dialect.ToDb(now))), cancellationToken);
}
