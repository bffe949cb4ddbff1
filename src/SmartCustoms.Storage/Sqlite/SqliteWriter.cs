using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Sqlite;

/// <summary>
/// Group commit for SQLite's single writer. Callers queue their write; one loop takes up to
/// <see cref="MaxBatch"/> queued writes, runs each in its own savepoint inside one transaction, commits once
/// (one WAL sync for the lot) and only then completes the callers' tasks. A write that throws is rolled back to
/// its savepoint and fails alone; a failed commit fails the whole batch.
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    public const int MaxBatch = 64;

    private readonly Func<SqliteConnection> _open;
    private readonly Channel<Operation> _queue = Channel.CreateBounded<Operation>(
        new BoundedChannelOptions(MaxBatch * 64) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Task _loop;
    private SqliteConnection? _connection;
    private PreparedSqlSession? _session;

    public SqliteWriter(Func<SqliteConnection> open)
    {
        _open = open;
        _loop = Task.Run(RunAsync);
    }

    public async Task<T> WriteAsync<T>(Func<SqlSession, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        var operation = new Operation<T>(write, cancellationToken);
        try
        {
            await _queue.Writer.WriteAsync(operation, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(Database), "The database was disposed.");
        }
        return await operation.Task.ConfigureAwait(false);
    }

    /// <summary>Writes already queued are still committed.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<Operation>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            // No waiting for a batch to fill: writes that arrive while one batch commits form the next.
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var operation))
            {
                batch.Add(operation);
            }
            await CommitAsync(batch).ConfigureAwait(false);
            batch.Clear();
        }
        _connection?.Dispose();
    }

    private async Task CommitAsync(List<Operation> batch)
    {
        var applied = new List<Operation>(batch.Count);
        try
        {
            if (_connection is null)
            {
                _connection = _open();
                _session = new PreparedSqlSession(_connection);
            }
            var session = _session!;
            using var transaction = _connection.BeginTransaction(deferred: false);
            session.Transaction = transaction;
            foreach (var operation in batch)
            {
                if (operation.CancellationToken.IsCancellationRequested)
                {
                    operation.Cancel();
                    continue;
                }
                await session.ExecuteAsync("SAVEPOINT op", CancellationToken.None).ConfigureAwait(false);
                try
                {
                    await operation.ExecuteAsync(session).ConfigureAwait(false);
                    applied.Add(operation);
                }
                catch (Exception exception)
                {
                    // One caller's failure is that caller's alone: the batch goes on without its changes.
                    await session.ExecuteAsync("ROLLBACK TO op", CancellationToken.None).ConfigureAwait(false);
                    operation.Fail(exception);
                }
                await session.ExecuteAsync("RELEASE op", CancellationToken.None).ConfigureAwait(false);
            }
            transaction.Commit();
        }
        catch (Exception exception)
        {
            // Nothing of this batch was kept; its callers get the exception and the loop lives on for later batches.
            // The connection may be what broke, so the next batch opens a new one.
            foreach (var operation in batch)
            {
                operation.Fail(exception);
            }
            _connection?.Dispose();
            _connection = null;
            _session = null;
            return;
        }
        finally
        {
            if (_session is not null)
            {
                _session.Transaction = null;
            }
        }
        foreach (var operation in applied)
        {
            operation.Complete();
        }
    }

    private abstract class Operation(CancellationToken cancellationToken)
    {
        public CancellationToken CancellationToken { get; } = cancellationToken;
        public abstract Task ExecuteAsync(SqlSession session);
        public abstract void Complete();
        public abstract void Fail(Exception exception);
        public abstract void Cancel();
    }

    private sealed class Operation<T>(Func<SqlSession, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
        : Operation(cancellationToken)
    {
        // Continuations must not run on the writer loop: they would hold up the next batch.
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _completion.Task;

        public override async Task ExecuteAsync(SqlSession session) =>
            _result = await write(session, CancellationToken).ConfigureAwait(false);

        public override void Complete() => _completion.TrySetResult(_result!);

        public override void Fail(Exception exception) => _completion.TrySetException(exception);

        public override void Cancel() => _completion.TrySetCanceled(CancellationToken);
    }
}
