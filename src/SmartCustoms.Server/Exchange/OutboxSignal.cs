namespace SmartCustoms.Server.Exchange;

/// <summary>Wakes the delivery service when a transaction of this server queued a message, instead of waiting for its next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _queued = new(0, 1);

    public void Queued()
    {
        try
        {
            _queued.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the service will look at the whole outbox anyway.
        }
    }

    /// <summary>Waits until something is queued or <paramref name="timeout"/> passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _queued.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _queued.Dispose();
}
