using Microsoft.Data.Sqlite;

namespace SmartCustoms.Storage.Sqlite;

/// <summary>
/// Copies the WAL back into the database file from a connection of its own. Left to SQLite, that copy and its
/// sync run inside whichever commit crosses the WAL's size limit, and every write waiting behind that batch
/// waits for it too. A passive checkpoint here takes no lock that the writer or the readers need.
/// </summary>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public SqliteCheckpointer(string file, TimeSpan interval)
    {
        // ReadWrite without Create: before the first migration there is nothing to copy, and no file to make.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        _loop = Task.Run(() => RunAsync(connectionString, interval, _stop.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private static async Task RunAsync(string connectionString, TimeSpan interval, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval);
        SqliteConnection? connection = null;
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                try
                {
                    if (connection is null)
                    {
                        connection = new SqliteConnection(connectionString);
                        connection.Open();
                    }
                    using var checkpoint = connection.CreateCommand();
                    checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                    checkpoint.ExecuteNonQuery();
                }
                catch (SqliteException)
                {
                    // No file yet, or a moment of contention: the next tick tries again on a fresh connection.
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            connection?.Dispose();
        }
    }
}
