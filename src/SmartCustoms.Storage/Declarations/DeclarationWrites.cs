using SmartCustoms.Storage.Exchange;
using SmartCustoms.Storage.Risk;
using SmartCustoms.Storage.Sql;
using SmartCustoms.Storage.Statistics;

namespace SmartCustoms.Storage.Declarations;

/// <summary>The declaration store's writes, each run inside a transaction that the backend commits.</summary>
internal sealed class DeclarationWrites(SqlDialect dialect)
{
    private readonly DeclarationSql _sql = new(dialect);
    private readonly ControlWrites _risk = new(dialect);
    private readonly OutboxWrites _outbox = new(dialect);

    public async Task<LodgeResult> LodgeAsync(SqlSession session, LodgeRequest request, VersionJson json, CancellationToken ct)
    {
        // No look-up first: a new LRN is the common case, and the insert itself finds a used one. A resubmission
        // then leaves a gap in the MRN numbers, as any sequence may.
        var number = await session.ScalarInt64Async(dialect.NextMrnNumber, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The MRN counter is missing; were the migrations applied?");
        var mrn = request.MrnFactory(number);
        var acceptedAt = SqlDialect.Normalize(request.AcceptedAt);
        var inserted = await session.ScalarStringAsync(
            DeclarationSql.InsertDeclaration, ct,
            ("@mrn", mrn), ("@declarantId", request.DeclarantId), ("@lrn", request.Lrn), ("@type", request.Declaration.Type),
            ("@status", request.Status.ToString()), ("@contentHash", request.ContentHash), ("@acceptedAt", dialect.ToDb(acceptedAt)),
            ("@lane", request.Risk?.Lane.ToString()), ("@controlOpen", request.Risk?.ControlOpen ?? false)).ConfigureAwait(false);
        if (inserted is null)
        {
            var existing = await session.QuerySingleOrDefaultAsync(
                DeclarationSql.ByLrn, _sql.ReadRecord, ct, ("@declarantId", request.DeclarantId), ("@lrn", request.Lrn)).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Declarant {request.DeclarantId} LRN {request.Lrn} conflicts with a row that cannot be read.");
            return new LodgeResult(
                string.Equals(existing.ContentHash, request.ContentHash, StringComparison.Ordinal) ? LodgeOutcome.Duplicate : LodgeOutcome.Conflict,
                existing);
        }
        await InsertVersionAsync(session, mrn, 1, json, acceptedAt, ct).ConfigureAwait(false);
        await InsertEventsAsync(
            session, mrn, request.Notifications, new AuditEntry(request.DeclarantId, "lodged", null, acceptedAt), ct).ConfigureAwait(false);
        if (request.Risk is { } risk)
        {
            await _risk.InsertAssessmentAsync(session, mrn, 1, risk, acceptedAt, ct).ConfigureAwait(false);
        }
        await TradeStatisticsWrites.InsertAsync(session, mrn, request with { AcceptedAt = acceptedAt }, ct).ConfigureAwait(false);
        foreach (var message in request.Outbox?.Invoke(mrn) ?? [])
        {
            await _outbox.InsertAsync(session, message, ct).ConfigureAwait(false);
        }
        return new LodgeResult(LodgeOutcome.Created, new DeclarationRecord
        {
            Mrn = mrn,
            Version = 1,
            Status = request.Status,
            DeclarantId = request.DeclarantId,
            Lrn = request.Lrn,
            ContentHash = request.ContentHash,
            Declaration = request.Declaration,
            Assessment = request.Assessment,
            Warnings = request.Warnings,
            AcceptedAt = acceptedAt,
            UpdatedAt = acceptedAt,
            Revision = 1,
            Lane = request.Risk?.Lane,
            ControlOpen = request.Risk?.ControlOpen ?? false,
        });
    }

    /// <returns>The new record, or null when someone else changed the declaration since <paramref name="current"/> was read.</returns>
    public async Task<DeclarationRecord?> ApplyAsync(
        SqlSession session, DeclarationRecord current, DeclarationChange change, VersionJson? json, CancellationToken ct)
    {
        var version = json is null ? current.Version : current.Version + 1;
        var at = SqlDialect.Normalize(change.Audit.At);
        var lane = change.Lane ?? current.Lane;
        var controlOpen = change.ControlOpen ?? current.ControlOpen;
        var rows = await session.ExecuteAsync(
            DeclarationSql.Update, ct,
            ("@mrn", current.Mrn), ("@revision", current.Revision), ("@status", change.Status.ToString()), ("@version", version),
            ("@contentHash", json?.ContentHash ?? current.ContentHash), ("@updatedAt", dialect.ToDb(at)),
            ("@lane", lane?.ToString()), ("@controlOpen", controlOpen)).ConfigureAwait(false);
        if (rows == 0)
        {
            return null;
        }
        // Events are written after the guarded UPDATE: its row lock orders the writers of one declaration, so
        // notification ids of one declaration grow in commit order and a client's cursor never skips one.
        if (json is not null)
        {
            await InsertVersionAsync(session, current.Mrn, version, json, at, ct).ConfigureAwait(false);
        }
        await InsertEventsAsync(session, current.Mrn, change.Notifications, change.Audit, ct).ConfigureAwait(false);
        if (change.LaneChange is { } laneChange)
        {
            await _risk.InsertLaneChangeAsync(session, current.Mrn, laneChange, ct).ConfigureAwait(false);
        }
        if (change.Inspection is { } inspection)
        {
            await _risk.InsertInspectionAsync(session, current.Mrn, inspection, ct).ConfigureAwait(false);
        }
        foreach (var message in change.Outbox)
        {
            await _outbox.InsertAsync(session, message, ct).ConfigureAwait(false);
        }
        var next = change.NewVersion;
        return current with
        {
            Version = version,
            Status = change.Status,
            ContentHash = next?.ContentHash ?? current.ContentHash,
            Declaration = next?.Declaration ?? current.Declaration,
            Assessment = next is null ? current.Assessment : next.Assessment,
            Warnings = next?.Warnings ?? current.Warnings,
            UpdatedAt = at,
            Revision = current.Revision + 1,
            Lane = lane,
            ControlOpen = controlOpen,
        };
    }

    // The version, events and audit rows are read back by nothing in the write: where the backend batches (PostgreSQL),
    // they go with the commit in one round trip.
    private Task InsertVersionAsync(SqlSession session, string mrn, int version, VersionJson json, DateTimeOffset at, CancellationToken ct) =>
        session.DeferAsync(
            _sql.InsertVersion, ct,
            ("@mrn", mrn), ("@version", version), ("@declaration", json.Declaration), ("@assessment", json.Assessment),
            ("@warnings", json.Warnings), ("@contentHash", json.ContentHash), ("@createdAt", dialect.ToDb(at)));

    private async Task InsertEventsAsync(
        SqlSession session, string mrn, IReadOnlyList<NewNotification> notifications, AuditEntry audit, CancellationToken ct)
    {
        foreach (var notification in notifications)
        {
            await session.DeferAsync(
                _sql.InsertNotification, ct,
                ("@mrn", mrn), ("@kind", notification.Kind.ToString()), ("@payload", notification.PayloadJson),
                ("@createdAt", dialect.ToDb(notification.At))).ConfigureAwait(false);
        }
        await session.DeferAsync(
            DeclarationSql.InsertAudit, ct,
            ("@mrn", mrn), ("@actor", audit.Actor), ("@action", audit.Action), ("@reason", audit.Reason),
            ("@at", dialect.ToDb(audit.At))).ConfigureAwait(false);
    }
}
