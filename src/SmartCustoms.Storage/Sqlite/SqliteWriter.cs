using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Sqlite;

/// <summary>
/// Group commit for SQLite's single writer. Callers queue their write; one thread takes up to
/// <see cref="MaxBatch"/> queued writes, runs each in its own savepoint inside one transaction, commits once
/// (one WAL sync for the lot) and only then completes the callers' tasks. A write that throws is rolled back to
/// its savepoint and fails alone; a failed commit fails the whole batch.
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    public const int MaxBatch = 64;

    private readonly Func<SqliteConnection> _open;
    // Synchronous continuations: a queued write wakes the writer thread directly, not through the thread pool,
    // whose queue is long under load. The continuations involved only signal a waiting thread or re-await.
    private readonly Channel<Operation> _queue = Channel.CreateBounded<Operation>(new BoundedChannelOptions(MaxBatch * 64)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
        AllowSynchronousContinuations = true,
    });
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SqliteConnection? _connection;
    private PreparedSqlSession? _session;

    public SqliteWriter(Func<SqliteConnection> open)
    {
        _open = open;
        // A thread of its own rather than the pool's: SQLite blocks while it syncs the WAL, and under load the
        // pool's queue is long; the one thread every write waits for must not wait in it.
        new Thread(Run) { IsBackground = true, Name = "SmartCustoms SQLite writer" }.Start();
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
        await _stopped.Task.ConfigureAwait(false);
    }

    private void Run()
    {
        var batch = new List<Operation>(MaxBatch);
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            // No waiting for a batch to fill: writes that arrive while one batch commits form the next.
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var operation))
            {
                batch.Add(operation);
            }
            Commit(batch);
            batch.Clear();
        }
        _connection?.Dispose();
        _stopped.SetResult();
    }

    private void Commit(List<Operation> batch)
    {
        var applied = new List<Operation>(batch.Count);
        try
        {
            if (_connection is null || _session is null)
            {
                _connection = _open();
                _session = new PreparedSqlSession(_connection);
            }
            using var transaction = _connection.BeginTransaction(deferred: false);
            _session.Transaction = transaction;
            foreach (var operation in batch)
            {
                if (operation.CancellationToken.IsCancellationRequested)
                {
                    operation.Cancel();
                    continue;
                }
                Execute(_session, "SAVEPOINT op");
                try
                {
                    // The session's statements complete synchronously on SQLite; waiting here costs nothing.
                    operation.ExecuteAsync(_session).GetAwaiter().GetResult();
                    applied.Add(operation);
                }
                catch (Exception exception)
                {
                    // One caller's failure is that caller's alone: the batch goes on without its changes. Unless SQLite
                    // rolled the whole transaction back itself (it may on SQLITE_FULL or an I/O error): then the batch
                    // fails, and with this cause rather than the missing savepoint's.
                    operation.Fail(exception);
                    if (SQLitePCL.raw.sqlite3_get_autocommit(_connection.Handle) != 0)
                    {
                        throw;
                    }

                    Execute(_session, "ROLLBACK TO op");
                }
                Execute(_session, "RELEASE op");
            }
            transaction.Commit();
            _session.Transaction = null;
        }
        catch (Exception exception)
        {
            // Nothing of this batch was kept; its callers get the exception and the thread lives on for later
            // batches. The connection may be what broke, so the next batch opens a new one.
            foreach (var operation in batch)
            {
                operation.Fail(exception);
            }
            _connection?.Dispose();
            _connection = null;
            _session = null;
            return;
        }
        foreach (var operation in applied)
        {
            operation.Complete();
        }
    }

    private static void Execute(SqlSession session, string sql) =>
        session.ExecuteAsync(sql, CancellationToken.None).GetAwaiter().GetResult();

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
        // Callers' continuations must not run on the writer thread: they would hold up the next batch.
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
