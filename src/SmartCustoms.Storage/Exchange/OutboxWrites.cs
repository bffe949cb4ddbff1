using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Exchange;

/// <summary>The outbox insert, shared by the exchange store and by business transactions that cause messages (lodging).</summary>
internal sealed class OutboxWrites(SqlDialect dialect)
{
    /// <summary>Held with the transaction's other inserts where the backend batches them (<see cref="SqlSession.DeferAsync"/>).</summary>
    public Task InsertAsync(SqlSession session, OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(message);
        var createdAt = dialect.ToDb(message.CreatedAt);
        return session.DeferAsync(
            "INSERT INTO exchange_outbox (id, recipient, type, envelope, created_at, status, attempts, next_attempt_at) " +
            $"VALUES (@id, @recipient, @type, @envelope{dialect.JsonCast}, @createdAt, 'pending', 0, @createdAt)", ct,
            ("@id", message.Id), ("@recipient", message.Recipient), ("@type", message.Type), ("@envelope", message.EnvelopeJson),
            ("@createdAt", createdAt));
    }
}
