using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using SmartCustoms.Storage.Exchange;

namespace SmartCustoms.Benchmarks.Exchange;

/// <summary>
/// The benchmark's own connection to a node's database (SQLite file or PostgreSQL database), beside the node's: to put
/// a round of messages in the sender's outbox all at once, and to count what each side stored.
/// </summary>
public sealed class NodeDatabase(string? sqliteFile, string? postgres)
{
    /// <summary>Not a status the node knows: a parked row is neither due nor listed as pending until released.</summary>
    private const string Parked = "bench-parked";

    private bool IsPostgres => postgres is not null;

    /// <summary>Writes the messages to the outbox in one transaction, parked: the node does not see them as due yet.</summary>
    public async Task ParkAsync(IReadOnlyList<OutboxMessage> messages)
    {
        await using var connection = await OpenAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO exchange_outbox (id, recipient, type, envelope, created_at, status, attempts, next_attempt_at) " +
            $"VALUES (@id, @recipient, @type, @envelope{(IsPostgres ? "::json" : "")}, @createdAt, '{Parked}', 0, @createdAt)";
        var id = Add(command, "@id");
        var recipient = Add(command, "@recipient");
        var type = Add(command, "@type");
        var envelope = Add(command, "@envelope");
        var createdAt = Add(command, "@createdAt");
        foreach (var message in messages)
        {
            id.Value = message.Id;
            recipient.Value = message.Recipient;
            type.Value = message.Type;
            envelope.Value = message.EnvelopeJson;
            createdAt.Value = Time(message.CreatedAt);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await transaction.CommitAsync().ConfigureAwait(false);
    }

    /// <summary>Makes every parked message pending and due at once (one statement); returns how many.</summary>
    public Task<long> ReleaseAsync() => ScalarAsync($"UPDATE exchange_outbox SET status = 'pending' WHERE status = '{Parked}'");

    /// <summary>Pending messages, counted on the node's own (status, next_attempt_at) index: the poll must cost the nodes' database little.</summary>
    public Task<long> PendingAsync() => ScalarAsync("SELECT count(*) FROM exchange_outbox WHERE status = 'pending'");

    /// <summary>Sender side, for the messages created at <paramref name="createdAt"/>: how many were delivered, in how many attempts, first and last delivery.</summary>
    public async Task<(long Delivered, long Attempts, DateTimeOffset First, DateTimeOffset Last)> DeliveredAsync(DateTimeOffset createdAt)
    {
        await using var connection = await OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), sum(attempts), min(delivered_at), max(delivered_at) FROM exchange_outbox " +
            "WHERE status = 'delivered' AND created_at = @createdAt";
        Add(command, "@createdAt").Value = Time(createdAt);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        await reader.ReadAsync().ConfigureAwait(false);
        return (reader.GetInt64(0), reader.GetInt64(1), ReadTime(reader, 2), ReadTime(reader, 3));
    }

    /// <summary>Receiver side, for the messages created at <paramref name="createdAt"/>: rows in the inbox, distinct ids among them, export data rows stored with them.</summary>
    public async Task<(long Rows, long Distinct, long ExportData)> ReceivedAsync(string sender, DateTimeOffset createdAt)
    {
        await using var connection = await OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT count(*), count(DISTINCT id), (SELECT count(*) FROM exchange_export_data d WHERE d.sender = @sender AND d.message_id IN " +
            "(SELECT id FROM exchange_inbox WHERE sender = @sender AND created_at = @createdAt)) FROM exchange_inbox WHERE sender = @sender AND created_at = @createdAt";
        Add(command, "@sender").Value = sender;
        Add(command, "@createdAt").Value = Time(createdAt);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        await reader.ReadAsync().ConfigureAwait(false);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>Every message id of the outbox (sender) or of the inbox from <paramref name="sender"/> (receiver).</summary>
    public async Task<HashSet<string>> IdsAsync(string? sender)
    {
        await using var connection = await OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sender is null ? "SELECT id FROM exchange_outbox" : "SELECT id FROM exchange_inbox WHERE sender = @sender";
        if (sender is not null)
        {
            Add(command, "@sender").Value = sender;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (sql.StartsWith("UPDATE", StringComparison.Ordinal))
        {
            return await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = IsPostgres
            ? new NpgsqlConnection(postgres)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqliteFile, Pooling = false, DefaultTimeout = 60 }.ToString());
        await connection.OpenAsync().ConfigureAwait(false);
        if (!IsPostgres)
        {
            // The node holds the writer most of the time: wait for it rather than fail.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA busy_timeout = 30000";
            await pragma.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        return connection;
    }

    private static DbParameter Add(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>As the node's dialects store times: microseconds, UTC; SQLite as fixed-width ISO 8601 text.</summary>
    private object Time(DateTimeOffset value)
    {
        var utc = new DateTime(value.UtcTicks - (value.UtcTicks % 10), DateTimeKind.Utc);
        return IsPostgres ? utc : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
    }

    private DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal)
        ? default
        : IsPostgres
            ? new DateTimeOffset(reader.GetFieldValue<DateTime>(ordinal).ToUniversalTime(), TimeSpan.Zero)
            : DateTimeOffset.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
