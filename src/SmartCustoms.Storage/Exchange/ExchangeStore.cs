using System.Data.Common;
using SmartCustoms.Storage.Risk;
using SmartCustoms.Storage.Snapshots;
using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Exchange;

internal sealed class ExchangeStore(StorageBackend backend) : IExchangeStore
{
    private const string PartnerColumns = "node_id, country, base_url, card, agreement, registered_by, registered_at, updated_at";
    private const string OutboxColumns = "id, recipient, type, envelope, created_at, attempts";
    private const string ExportColumns = "d.sender, d.message_id, d.mrn, d.status, d.accepted_at, d.received_at, d.declaration";

    private readonly SqlDialect _dialect = backend.Dialect;
    private readonly OutboxWrites _outbox = new(backend.Dialect);
    private readonly RiskProposalWrites _proposals = new(backend.Dialect);

    public Task SavePartnerAsync(PartnerRecord partner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        return backend.WriteAsync(async (session, ct) =>
        {
            await SnapshotWrites.BumpAsync(session, SnapshotKind.Partners, ct).ConfigureAwait(false);
            return await session.ExecuteAsync(
                $"INSERT INTO exchange_partners ({PartnerColumns}) " +
                $"VALUES (@nodeId, @country, @baseUrl, @card{_dialect.JsonCast}, @agreement{_dialect.JsonCast}, @by, @at, @at) " +
                "ON CONFLICT (node_id) DO UPDATE SET country = excluded.country, base_url = excluded.base_url, card = excluded.card, " +
                "agreement = excluded.agreement, updated_at = excluded.updated_at", ct,
                ("@nodeId", partner.NodeId), ("@country", partner.Country), ("@baseUrl", partner.BaseUrl), ("@card", partner.CardJson),
                ("@agreement", partner.AgreementJson), ("@by", partner.RegisteredBy), ("@at", _dialect.ToDb(partner.UpdatedAt))).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<PartnerRecord>> ListPartnersAsync(CancellationToken cancellationToken) =>
        backend.ReadAsync<IReadOnlyList<PartnerRecord>>(async (session, ct) =>
            await session.QueryAsync($"SELECT {PartnerColumns} FROM exchange_partners ORDER BY node_id", ReadPartner, ct).ConfigureAwait(false),
            cancellationToken);

    public Task<PartnerRecord?> GetPartnerAsync(string nodeId, CancellationToken cancellationToken) =>
        backend.ReadAsync((session, ct) => session.QuerySingleOrDefaultAsync(
            $"SELECT {PartnerColumns} FROM exchange_partners WHERE node_id = @nodeId", ReadPartner, ct, ("@nodeId", nodeId)), cancellationToken);

    public Task EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return backend.WriteAsync(async (session, ct) =>
        {
            await _outbox.InsertAsync(session, message, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(
        DateTimeOffset now, DateTimeOffset leaseUntil, int limit, string holder, CancellationToken cancellationToken) =>
        backend.WriteAsync<IReadOnlyList<OutboxMessage>>(async (session, ct) =>
        {
            var due = await session.QueryAsync(
                $"SELECT {OutboxColumns} FROM exchange_outbox WHERE status = 'pending' AND next_attempt_at <= @now " +
                "ORDER BY next_attempt_at, created_at LIMIT @limit", ReadOutbox, ct, ("@now", _dialect.ToDb(now)), ("@limit", limit)).ConfigureAwait(false);
            var claimed = new List<OutboxMessage>(due.Count);
            foreach (var message in due)
            {
                // Re-checked under the row lock: a server that claimed the row in between moved next_attempt_at on.
                var rows = await session.ExecuteAsync(
                    "UPDATE exchange_outbox SET next_attempt_at = @lease, attempts = attempts + 1, claimed_by = @holder " +
                    "WHERE id = @id AND status = 'pending' AND next_attempt_at <= @now", ct,
                    ("@lease", _dialect.ToDb(leaseUntil)), ("@id", message.Id), ("@now", _dialect.ToDb(now)), ("@holder", holder)).ConfigureAwait(false);
                if (rows == 1)
                {
                    claimed.Add(message with { Attempts = message.Attempts + 1 });
                }
            }

            return claimed;
        }, cancellationToken);

    public Task RenewClaimsAsync(IReadOnlyList<string> ids, string holder, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return ids.Count == 0 ? Task.CompletedTask : backend.WriteAsync(async (session, ct) =>
        {
            foreach (var id in ids)
            {
                await session.ExecuteAsync(
                    "UPDATE exchange_outbox SET next_attempt_at = @lease WHERE id = @id AND status = 'pending' AND claimed_by = @holder", ct,
                    ("@lease", _dialect.ToDb(leaseUntil)), ("@id", id), ("@holder", holder)).ConfigureAwait(false);
            }

            return ids.Count;
        }, cancellationToken);
    }

    public Task MarkDeliveredAsync(string id, string receipt, DateTimeOffset at, CancellationToken cancellationToken) =>
        backend.WriteAsync((session, ct) => session.ExecuteAsync(
            "UPDATE exchange_outbox SET status = 'delivered', delivered_at = @at, receipt = @receipt, last_error = NULL WHERE id = @id", ct,
            ("@id", id), ("@receipt", receipt), ("@at", _dialect.ToDb(at))), cancellationToken);

    public Task MarkDeliveredAsync(IReadOnlyList<(string Id, string Receipt)> delivered, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivered);
        return delivered.Count == 0 ? Task.CompletedTask : backend.WriteAsync(async (session, ct) =>
        {
            foreach (var (id, receipt) in delivered)
            {
                await session.ExecuteAsync(
                    "UPDATE exchange_outbox SET status = 'delivered', delivered_at = @at, receipt = @receipt, last_error = NULL WHERE id = @id", ct,
                    ("@id", id), ("@receipt", receipt), ("@at", _dialect.ToDb(at))).ConfigureAwait(false);
            }

            return delivered.Count;
        }, cancellationToken);
    }

    public Task MarkFailedAsync(string id, string failure, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        backend.WriteAsync((session, ct) => session.ExecuteAsync(
            "UPDATE exchange_outbox SET next_attempt_at = @next, last_error = @error, claimed_by = NULL WHERE id = @id AND status = 'pending'", ct,
            ("@id", id), ("@error", failure.Length > 500 ? failure[..500] : failure), ("@next", _dialect.ToDb(nextAttemptAt))), cancellationToken);

    public Task<long> CountPendingAsync(CancellationToken cancellationToken) =>
        backend.ReadAsync(async (session, ct) =>
            await session.ScalarInt64Async("SELECT COUNT(*) FROM exchange_outbox WHERE status = 'pending'", ct).ConfigureAwait(false) ?? 0, cancellationToken);

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        backend.ReadAsync(async (session, ct) =>
        {
            var rows = await session.QueryAsync(
                "SELECT next_attempt_at FROM exchange_outbox WHERE status = 'pending' ORDER BY next_attempt_at LIMIT 1",
                r => _dialect.ReadTime(r, 0), ct).ConfigureAwait(false);
            return rows.Count == 0 ? (DateTimeOffset?)null : rows[0];
        }, cancellationToken);

    public Task<string?> FindReceiptAsync(string sender, string id, CancellationToken cancellationToken) =>
        backend.ReadAsync((session, ct) => session.ScalarStringAsync(
            "SELECT receipt FROM exchange_inbox WHERE sender = @sender AND id = @id", ct, ("@sender", sender), ("@id", id)), cancellationToken);

    public Task<InboxResult> AcceptAsync(InboxMessage message, InboxEffects effects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(effects);
        return backend.WriteAsync(async (session, ct) =>
        {
            var inserted = await session.ExecuteAsync(
                "INSERT INTO exchange_inbox (sender, id, type, created_at, received_at, message, payload, receipt) " +
                $"VALUES (@sender, @id, @type, @createdAt, @receivedAt, @message, @payload{_dialect.JsonCast}, @receipt) ON CONFLICT (sender, id) DO NOTHING", ct,
                ("@sender", message.Sender), ("@id", message.Id), ("@type", message.Type), ("@createdAt", _dialect.ToDb(message.CreatedAt)),
                ("@receivedAt", _dialect.ToDb(message.ReceivedAt)), ("@message", message.Message), ("@payload", message.PayloadJson),
                ("@receipt", message.Receipt)).ConfigureAwait(false);
            if (inserted == 0)
            {
                var first = await session.ScalarStringAsync(
                    "SELECT receipt FROM exchange_inbox WHERE sender = @sender AND id = @id", ct,
                    ("@sender", message.Sender), ("@id", message.Id)).ConfigureAwait(false);
                return new InboxResult(first!, false);
            }

            if (effects.ExportData is { } exportData)
            {
                await InsertExportDataAsync(session, exportData, ct).ConfigureAwait(false);
            }

            if (effects.ControlResult is { } controlResult)
            {
                await InsertControlResultAsync(session, controlResult, ct).ConfigureAwait(false);
            }

            if (effects.Proposal is { } proposal)
            {
                await _proposals.InsertAsync(session, proposal, ct).ConfigureAwait(false);
            }

            if (effects.AeoList is { } aeoList)
            {
                await new Aeo.AeoWrites(_dialect).ReplacePartnerListAsync(session, aeoList, ct).ConfigureAwait(false);
            }

            return new InboxResult(message.Receipt, true);
        }, cancellationToken);
    }

    private async Task InsertExportDataAsync(SqlSession session, ExportDataRecord data, CancellationToken ct)
    {
        await session.ExecuteAsync(
            "INSERT INTO exchange_export_data (sender, message_id, mrn, status, accepted_at, received_at, declaration) " +
            $"VALUES (@sender, @messageId, @mrn, @status, @acceptedAt, @receivedAt, @declaration{_dialect.JsonCast})", ct,
            ("@sender", data.Sender), ("@messageId", data.MessageId), ("@mrn", data.Mrn), ("@status", data.Status), ("@acceptedAt", _dialect.ToDb(data.AcceptedAt)),
            ("@receivedAt", _dialect.ToDb(data.ReceivedAt)), ("@declaration", data.DeclarationJson)).ConfigureAwait(false);
        foreach (var key in data.Keys.Distinct())
        {
            await session.ExecuteAsync(
                "INSERT INTO exchange_export_keys (kind, value, sender, message_id) VALUES (@kind, @value, @sender, @messageId) ON CONFLICT DO NOTHING", ct,
                ("@kind", key.Kind), ("@value", key.Value), ("@sender", data.Sender), ("@messageId", data.MessageId)).ConfigureAwait(false);
        }
    }

    private async Task InsertControlResultAsync(SqlSession session, ControlResultRecord result, CancellationToken ct)
    {
        await session.ExecuteAsync(
            "INSERT INTO exchange_control_results (sender, message_id, mrn, office, findings, inspected_at, received_at, payload) " +
            $"VALUES (@sender, @messageId, @mrn, @office, @findings, @inspectedAt, @receivedAt, @payload{_dialect.JsonCast})", ct,
            ("@sender", result.Sender), ("@messageId", result.MessageId), ("@mrn", result.Mrn), ("@office", result.Office), ("@findings", result.Findings),
            ("@inspectedAt", _dialect.ToDb(result.InspectedAt)), ("@receivedAt", _dialect.ToDb(result.ReceivedAt)), ("@payload", result.PayloadJson)).ConfigureAwait(false);
        foreach (var key in result.Keys.Distinct())
        {
            await session.ExecuteAsync(
                "INSERT INTO exchange_control_keys (kind, value, sender, message_id) VALUES (@kind, @value, @sender, @messageId) ON CONFLICT DO NOTHING", ct,
                ("@kind", key.Kind), ("@value", key.Value), ("@sender", result.Sender), ("@messageId", result.MessageId)).ConfigureAwait(false);
        }
    }

    public Task<PartnerMatches> FindPartnerMatchesAsync(IReadOnlyList<ExportDataKey> keys, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return Task.FromResult(PartnerMatches.None);
        }

        return backend.ReadAsync(async (session, ct) =>
        {
            var exports = new List<(ExportDataRecord, ExportDataKey)>();
            var controls = new List<(ControlResultRecord, ExportDataKey)>();
            foreach (var key in keys.Distinct())
            {
                (string, object?)[] args = [("@kind", key.Kind), ("@value", key.Value), ("@limit", limit)];
                foreach (var record in await session.QueryAsync(
                    $"SELECT {ExportColumns} FROM exchange_export_keys k " +
                    "JOIN exchange_export_data d ON d.sender = k.sender AND d.message_id = k.message_id " +
                    "WHERE k.kind = @kind AND k.value = @value ORDER BY d.received_at DESC, d.message_id DESC LIMIT @limit",
                    r => new ExportDataRecord(
                        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), _dialect.ReadTime(r, 4), _dialect.ReadTime(r, 5), r.GetString(6), []),
                    ct, args).ConfigureAwait(false))
                {
                    exports.Add((record, key));
                }

                foreach (var record in await session.QueryAsync(
                    "SELECT c.sender, c.message_id, c.mrn, c.office, c.findings, c.inspected_at, c.received_at, c.payload FROM exchange_control_keys k " +
                    "JOIN exchange_control_results c ON c.sender = k.sender AND c.message_id = k.message_id " +
                    "WHERE k.kind = @kind AND k.value = @value ORDER BY c.inspected_at DESC, c.message_id DESC LIMIT @limit",
                    r => new ControlResultRecord(
                        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetBoolean(4), _dialect.ReadTime(r, 5), _dialect.ReadTime(r, 6),
                        r.GetString(7), []),
                    ct, args).ConfigureAwait(false))
                {
                    controls.Add((record, key));
                }
            }

            return new PartnerMatches(exports, controls);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ExchangeMessageSummary>> ListMessagesAsync(string? direction, string? partner, int limit, CancellationToken cancellationToken) =>
        backend.ReadAsync<IReadOnlyList<ExchangeMessageSummary>>(async (session, ct) =>
        {
            var messages = new List<ExchangeMessageSummary>();
            // No "@partner IS NULL" test: PostgreSQL cannot type a parameter that is only ever null.
            (string, object?)[] args = partner is null ? [("@limit", limit)] : [("@partner", partner), ("@limit", limit)];
            if (direction is null or "out")
            {
                messages.AddRange(await session.QueryAsync(
                    "SELECT id, recipient, type, status, created_at, delivered_at, attempts, last_error FROM exchange_outbox " +
                    (partner is null ? "" : "WHERE recipient = @partner ") + "ORDER BY created_at DESC LIMIT @limit",
                    r => new ExchangeMessageSummary("out", r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), _dialect.ReadTime(r, 4),
                        _dialect.ReadNullableTime(r, 5), r.GetInt32(6), r.GetNullableString(7)),
                    ct, [.. args]).ConfigureAwait(false));
            }

            if (direction is null or "in")
            {
                messages.AddRange(await session.QueryAsync(
                    "SELECT id, sender, type, created_at, received_at FROM exchange_inbox " +
                    (partner is null ? "" : "WHERE sender = @partner ") + "ORDER BY received_at DESC LIMIT @limit",
                    r => new ExchangeMessageSummary("in", r.GetString(0), r.GetString(1), r.GetString(2), "accepted", _dialect.ReadTime(r, 3),
                        _dialect.ReadTime(r, 4), 1, null),
                    ct, [.. args]).ConfigureAwait(false));
            }

            return [.. messages.OrderByDescending(m => m.DoneAt ?? m.CreatedAt).Take(limit)];
        }, cancellationToken);

    public Task<IReadOnlyList<ExportDataRecord>> FindExportDataAsync(string kind, string value, int limit, CancellationToken cancellationToken) =>
        backend.ReadAsync<IReadOnlyList<ExportDataRecord>>(async (session, ct) =>
        {
            var found = await session.QueryAsync(
                $"SELECT {ExportColumns} FROM exchange_export_keys k " +
                "JOIN exchange_export_data d ON d.sender = k.sender AND d.message_id = k.message_id " +
                "WHERE k.kind = @kind AND k.value = @value ORDER BY d.received_at DESC, d.message_id DESC LIMIT @limit",
                r => new ExportDataRecord(
                    r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), _dialect.ReadTime(r, 4), _dialect.ReadTime(r, 5), r.GetString(6), []),
                ct, ("@kind", kind), ("@value", value), ("@limit", limit)).ConfigureAwait(false);
            var withKeys = new List<ExportDataRecord>(found.Count);
            foreach (var record in found)
            {
                var keys = await session.QueryAsync(
                    "SELECT kind, value FROM exchange_export_keys WHERE sender = @sender AND message_id = @messageId ORDER BY kind, value",
                    r => new ExportDataKey(r.GetString(0), r.GetString(1)), ct, ("@sender", record.Sender), ("@messageId", record.MessageId)).ConfigureAwait(false);
                withKeys.Add(record with { Keys = keys });
            }

            return withKeys;
        }, cancellationToken);

    private PartnerRecord ReadPartner(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), _dialect.ReadTime(r, 6), _dialect.ReadTime(r, 7));

    private OutboxMessage ReadOutbox(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), _dialect.ReadTime(r, 4), r.GetInt32(5));
}
