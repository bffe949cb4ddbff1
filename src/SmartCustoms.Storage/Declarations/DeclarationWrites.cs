using System.Data.Common;
using Dapper;
using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Declarations;

/// <summary>The declaration store's writes, each run inside a transaction that the backend commits.</summary>
internal sealed class DeclarationWrites(SqlDialect dialect)
{
    private readonly SqlDialect _dialect = dialect;
    private readonly DeclarationSql _sql = new(dialect);

    public async Task<LodgeResult> LodgeAsync(
        DbConnection connection, DbTransaction transaction, LodgeRequest request, VersionJson json, CancellationToken ct)
    {
        var key = new { declarantId = request.DeclarantId, lrn = request.Lrn };
        if (await connection.QuerySingleOrDefaultAsync(DeclarationSql.ByLrn, key, transaction, _sql.ReadRecord, ct).ConfigureAwait(false) is { } existing)
        {
            return Existing(existing, request.ContentHash);
        }
        var number = await connection.ExecuteScalarAsync<long>(Db.Command(_dialect.NextMrnNumber, null, transaction, ct)).ConfigureAwait(false);
        var mrn = request.MrnFactory(number);
        var acceptedAt = SqlDialect.Normalize(request.AcceptedAt);
        var inserted = await connection.ExecuteScalarAsync<string?>(Db.Command(DeclarationSql.InsertDeclaration, new
        {
            mrn,
            declarantId = request.DeclarantId,
            lrn = request.Lrn,
            type = request.Declaration.Type,
            status = request.Status.ToString(),
            contentHash = request.ContentHash,
            acceptedAt = _dialect.ToDb(acceptedAt),
        }, transaction, ct)).ConfigureAwait(false);
        if (inserted is null)
        {
            var winner = await connection.QuerySingleOrDefaultAsync(DeclarationSql.ByLrn, key, transaction, _sql.ReadRecord, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Declarant {request.DeclarantId} LRN {request.Lrn} conflicts with a row that cannot be read.");
            return Existing(winner, request.ContentHash);
        }
        await InsertVersionAsync(connection, transaction, mrn, 1, json, acceptedAt, ct).ConfigureAwait(false);
        await InsertEventsAsync(
            connection, transaction, mrn, request.Notifications,
            new AuditEntry(request.DeclarantId, "lodged", null, acceptedAt), ct).ConfigureAwait(false);
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
        });
    }

    private static LodgeResult Existing(DeclarationRecord existing, string contentHash) => new(
        string.Equals(existing.ContentHash, contentHash, StringComparison.Ordinal) ? LodgeOutcome.Duplicate : LodgeOutcome.Conflict,
        existing);

    /// <returns>The new record, or null when someone else changed the declaration since <paramref name="current"/> was read.</returns>
    public async Task<DeclarationRecord?> ApplyAsync(
        DbConnection connection, DbTransaction transaction, DeclarationRecord current, DeclarationChange change, VersionJson? json,
        CancellationToken ct)
    {
        var version = json is null ? current.Version : current.Version + 1;
        var at = SqlDialect.Normalize(change.Audit.At);
        var rows = await connection.ExecuteAsync(Db.Command(DeclarationSql.Update, new
        {
            mrn = current.Mrn,
            revision = current.Revision,
            status = change.Status.ToString(),
            version,
            contentHash = json?.ContentHash ?? current.ContentHash,
            updatedAt = _dialect.ToDb(at),
        }, transaction, ct)).ConfigureAwait(false);
        if (rows == 0)
        {
            return null;
        }
        // Events are written after the guarded UPDATE: its row lock orders the writers of one declaration, so
        // notification ids of one declaration grow in commit order and a client's cursor never skips one.
        if (json is not null)
        {
            await InsertVersionAsync(connection, transaction, current.Mrn, version, json, at, ct).ConfigureAwait(false);
        }
        await InsertEventsAsync(connection, transaction, current.Mrn, change.Notifications, change.Audit, ct).ConfigureAwait(false);
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
        };
    }

    private Task<int> InsertVersionAsync(
        DbConnection connection, DbTransaction transaction, string mrn, int version, VersionJson json, DateTimeOffset at, CancellationToken ct) =>
        connection.ExecuteAsync(Db.Command(_sql.InsertVersion, new
        {
            mrn,
            version,
            declaration = json.Declaration,
            assessment = json.Assessment,
            warnings = json.Warnings,
            contentHash = json.ContentHash,
            createdAt = _dialect.ToDb(at),
        }, transaction, ct));

    private async Task InsertEventsAsync(
        DbConnection connection, DbTransaction transaction, string mrn, IReadOnlyList<NewNotification> notifications, AuditEntry audit,
        CancellationToken ct)
    {
        foreach (var notification in notifications)
        {
            await connection.ExecuteAsync(Db.Command(_sql.InsertNotification, new
            {
                mrn,
                kind = notification.Kind.ToString(),
                payload = notification.PayloadJson,
                createdAt = _dialect.ToDb(notification.At),
            }, transaction, ct)).ConfigureAwait(false);
        }
        await connection.ExecuteAsync(Db.Command(DeclarationSql.InsertAudit, new
        {
            mrn,
            actor = audit.Actor,
            action = audit.Action,
            reason = audit.Reason,
            at = _dialect.ToDb(audit.At),
        }, transaction, ct)).ConfigureAwait(false);
    }
}
