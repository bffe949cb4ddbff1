using System.Data;
using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Declarations;

internal sealed class DeclarationStore(StorageBackend backend) : IDeclarationStore
{
    // Each lost attempt means another update of the same declaration committed in between, so this many
    // concurrent updaters of one declaration all get through.
    private const int MaxUpdateAttempts = 8;

    private readonly DeclarationSql _sql = new(backend.Dialect);
    private readonly DeclarationWrites _writes = new(backend.Dialect);

    public Task<LodgeResult> LodgeAsync(LodgeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var json = VersionJson.Of(request.ContentHash, request.Declaration, request.Assessment, request.Warnings);
        return backend.WriteAsync((session, ct) => _writes.LodgeAsync(session, request, json, ct), cancellationToken);
    }

    public Task<DeclarationRecord?> GetAsync(string mrn, int? version, CancellationToken cancellationToken) =>
        backend.ReadAsync((session, ct) => version is { } v
            ? session.QuerySingleOrDefaultAsync(DeclarationSql.ByVersion, _sql.ReadRecord, ct, ("@mrn", mrn), ("@version", v))
            : session.QuerySingleOrDefaultAsync(DeclarationSql.Current, _sql.ReadRecord, ct, ("@mrn", mrn)),
            cancellationToken);

    public Task<DeclarationPage> ListAsync(DeclarationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        var conditions = new List<string>(2);
        var filter = new List<(string, object?)>(2);
        if (query.DeclarantId is not null)
        {
            conditions.Add("declarant_id = @declarantId");
            filter.Add(("@declarantId", query.DeclarantId));
        }
        if (query.Status is { } status)
        {
            conditions.Add("status = @status");
            filter.Add(("@status", status.ToString()));
        }
        if (query.ControlOpen is { } open)
        {
            conditions.Add("control_open = @controlOpen");
            filter.Add(("@controlOpen", open));
        }
        var where = conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
        (string, object?)[] page = [.. filter, ("@limit", query.PageSize), ("@offset", (long)(query.Page - 1) * query.PageSize)];
        return backend.ReadAsync(async (session, ct) =>
        {
            var total = await session.ScalarInt64Async("SELECT COUNT(*) FROM declarations" + where, ct, [.. filter]).ConfigureAwait(false);
            var items = await session.QueryAsync(
                DeclarationSql.Summaries + where + " ORDER BY accepted_at DESC, mrn LIMIT @limit OFFSET @offset",
                _sql.ReadSummary, ct, page).ConfigureAwait(false);
            return new DeclarationPage(items, query.Page, query.PageSize, total ?? 0);
        }, cancellationToken);
    }

    public async Task<UpdateResult> UpdateAsync(string mrn, Func<DeclarationRecord, DeclarationChange?> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        for (var attempt = 1; ; attempt++)
        {
            var current = await GetAsync(mrn, null, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return new UpdateResult(UpdateOutcome.NotFound, null);
            }
            if (decide(current) is not { } change)
            {
                return new UpdateResult(UpdateOutcome.Unchanged, current);
            }
            var json = change.NewVersion is { } v ? VersionJson.Of(v.ContentHash, v.Declaration, v.Assessment, v.Warnings) : null;
            var updated = await backend.WriteAsync(
                (session, ct) => _writes.ApplyAsync(session, current, change, json, ct), cancellationToken).ConfigureAwait(false);
            if (updated is not null)
            {
                return new UpdateResult(UpdateOutcome.Updated, updated);
            }
            if (attempt == MaxUpdateAttempts)
            {
                throw new DBConcurrencyException($"Declaration {mrn} was changed by others during {MaxUpdateAttempts} attempts to update it.");
            }
        }
    }

    public Task<IReadOnlyList<StoredNotification>> GetNotificationsAsync(string mrn, long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return backend.ReadAsync<IReadOnlyList<StoredNotification>>(
            async (session, ct) => await session.QueryAsync(
                DeclarationSql.Notifications, _sql.ReadNotification, ct, ("@mrn", mrn), ("@after", after), ("@limit", limit)).ConfigureAwait(false),
            cancellationToken);
    }
}
