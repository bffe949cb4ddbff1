using System.Data.Common;
using SmartCustoms.Storage.Exchange;
using SmartCustoms.Storage.Snapshots;
using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Aeo;

internal sealed class AeoStore(StorageBackend backend) : IAeoStore
{
    private const string Columns = "trader_id, name, country, certificate, valid_from, valid_to, updated_by, updated_at";
    private const string PartnerEntryColumns = "sender, trader_id, name, country, certificate, valid_from, valid_to";

    private readonly SqlDialect _dialect = backend.Dialect;
    private readonly OutboxWrites _outbox = new(backend.Dialect);

    public Task<IReadOnlyList<AeoEntry>> ListAsync(CancellationToken cancellationToken) =>
        backend.ReadAsync<IReadOnlyList<AeoEntry>>(async (session, ct) =>
            await session.QueryAsync($"SELECT {Columns} FROM aeo_register ORDER BY trader_id", Read, ct).ConfigureAwait(false), cancellationToken);

    public Task<AeoEntry?> GetAsync(string traderId, CancellationToken cancellationToken) =>
        backend.ReadAsync((session, ct) => session.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM aeo_register WHERE trader_id = @id", Read, ct, ("@id", traderId)), cancellationToken);

    public Task<bool> SaveAsync(AeoEntry entry, AeoOutbox? outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return backend.WriteAsync(async (session, ct) =>
        {
            await LockAsync(session, ct).ConfigureAwait(false);
            var existed = await session.ScalarInt64Async("SELECT COUNT(*) FROM aeo_register WHERE trader_id = @id", ct, ("@id", entry.TraderId)).ConfigureAwait(false) > 0;
            await session.ExecuteAsync(
                $"INSERT INTO aeo_register ({Columns}) VALUES (@id, @name, @country, @certificate, @from, @to, @by, @at) " +
                "ON CONFLICT (trader_id) DO UPDATE SET name = excluded.name, country = excluded.country, certificate = excluded.certificate, " +
                "valid_from = excluded.valid_from, valid_to = excluded.valid_to, updated_by = excluded.updated_by, updated_at = excluded.updated_at", ct,
                Args(entry, "")).ConfigureAwait(false);
            await ChangedAsync(session, entry.UpdatedAt, outbox, ct).ConfigureAwait(false);
            return !existed;
        }, cancellationToken);
    }

    public Task<bool> DeleteAsync(string traderId, DateTimeOffset at, AeoOutbox? outbox, CancellationToken cancellationToken) =>
        backend.WriteAsync(async (session, ct) =>
        {
            await LockAsync(session, ct).ConfigureAwait(false);
            if (await session.ExecuteAsync("DELETE FROM aeo_register WHERE trader_id = @id", ct, ("@id", traderId)).ConfigureAwait(false) == 0)
            {
                return false;
            }

            await ChangedAsync(session, at, outbox, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public Task ReplaceAllAsync(IReadOnlyList<AeoEntry> entries, DateTimeOffset at, AeoOutbox? outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return backend.WriteAsync(async (session, ct) =>
        {
            await LockAsync(session, ct).ConfigureAwait(false);
            await session.ExecuteAsync("DELETE FROM aeo_register", ct).ConfigureAwait(false);
            await AeoWrites.InsertAsync(session, $"aeo_register ({Columns})", entries, (e, i) => Args(e, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct)
                .ConfigureAwait(false);
            await ChangedAsync(session, at, outbox, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    public Task SendAsync(DateTimeOffset at, AeoOutbox outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        return backend.WriteAsync(async (session, ct) =>
        {
            await LockAsync(session, ct).ConfigureAwait(false);
            await ChangedAsync(session, at, outbox, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<PartnerAeoList>> ListPartnerListsAsync(CancellationToken cancellationToken) =>
        backend.ReadAsync<IReadOnlyList<PartnerAeoList>>(async (session, ct) =>
        {
            var lists = await session.QueryAsync(
                "SELECT sender, message_id, created_at, listed_at, received_at FROM aeo_partner_lists ORDER BY sender",
                r => new PartnerAeoList(r.GetString(0), r.GetString(1), _dialect.ReadTime(r, 2), _dialect.ReadTime(r, 3), _dialect.ReadTime(r, 4), []),
                ct).ConfigureAwait(false);
            var entries = (await session.QueryAsync(
                    $"SELECT {PartnerEntryColumns} FROM aeo_partner_entries ORDER BY sender, trader_id",
                    r => (Sender: r.GetString(0), Entry: new PartnerAeoEntry(r.GetString(1), r.GetString(2), r.GetString(3), r.GetNullableString(4),
                        r.GetFieldValue<DateOnly>(5), ReadNullableDate(r, 6))),
                    ct).ConfigureAwait(false))
                .ToLookup(e => e.Sender, e => e.Entry, StringComparer.Ordinal);
            return [.. lists.Select(l => l with { Entries = [.. entries[l.Sender]] })];
        }, cancellationToken);

    public Task<IReadOnlyList<AeoMatch>> FindAsync(IReadOnlyCollection<string> traderIds, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(traderIds);
        var ids = traderIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<AeoMatch>>([]);
        }

        // Always two parameters, so that one statement text serves every lookup.
        var (first, second) = (ids[0], ids.Count > 1 ? ids[1] : ids[0]);
        if (ids.Count > 2)
        {
            throw new ArgumentException("At most two traders are looked up at once.", nameof(traderIds));
        }

        return backend.ReadAsync<IReadOnlyList<AeoMatch>>(async (session, ct) =>
            await session.QueryAsync(
                "SELECT trader_id, NULL FROM aeo_register WHERE trader_id IN (@a, @b) AND valid_from <= @day AND (valid_to IS NULL OR valid_to >= @day) " +
                "UNION ALL SELECT trader_id, sender FROM aeo_partner_entries WHERE trader_id IN (@a, @b) AND valid_from <= @day AND (valid_to IS NULL OR valid_to >= @day)",
                r => new AeoMatch(r.GetString(0), r.GetNullableString(1)), ct, ("@a", first), ("@b", second), ("@day", day)).ConfigureAwait(false),
            cancellationToken);
    }

    public Task<AeoSummary> SummaryAsync(CancellationToken cancellationToken) =>
        backend.ReadAsync(async (session, ct) =>
        {
            var count = await session.ScalarInt64Async("SELECT COUNT(*) FROM aeo_register", ct).ConfigureAwait(false) ?? 0;
            var senders = await session.QueryAsync("SELECT sender FROM aeo_partner_lists WHERE entries > 0 ORDER BY sender", r => r.GetString(0), ct)
                .ConfigureAwait(false);
            return new AeoSummary((int)count, senders);
        }, cancellationToken);

    /// <summary>Takes the register's row lock (PostgreSQL; SQLite has one writer anyway), so that changes and their lists follow one order.</summary>
    private static Task<int> LockAsync(SqlSession session, CancellationToken ct) =>
        session.ExecuteAsync("UPDATE aeo_register_state SET listed_at = listed_at WHERE id = 1", ct);

    /// <summary>Dates the change after every earlier one and queues the messages it causes, given the register as it now stands.</summary>
    private async Task ChangedAsync(SqlSession session, DateTimeOffset at, AeoOutbox? outbox, CancellationToken ct)
    {
        var previous = (await session.QueryAsync("SELECT listed_at FROM aeo_register_state WHERE id = 1", r => _dialect.ReadNullableTime(r, 0), ct)
            .ConfigureAwait(false)).Single();
        var listedAt = SqlDialect.Normalize(at);
        if (previous is { } last && listedAt <= last)
        {
            // A clock that stepped back, or two changes in one microsecond: still strictly later, as receivers need.
            listedAt = last.AddTicks(10);
        }

        await session.ExecuteAsync("UPDATE aeo_register_state SET listed_at = @at WHERE id = 1", ct, ("@at", _dialect.ToDb(listedAt))).ConfigureAwait(false);
        await SnapshotWrites.BumpAsync(session, SnapshotKind.Aeo, ct).ConfigureAwait(false);
        if (outbox is null)
        {
            return;
        }

        var entries = await session.QueryAsync($"SELECT {Columns} FROM aeo_register ORDER BY trader_id", Read, ct).ConfigureAwait(false);
        foreach (var message in outbox(new AeoRegisterState(entries, listedAt)))
        {
            await _outbox.InsertAsync(session, message, ct).ConfigureAwait(false);
        }
    }

    private (string Name, object? Value)[] Args(AeoEntry e, string suffix) =>
    [
        ("@id" + suffix, e.TraderId), ("@name" + suffix, e.Name), ("@country" + suffix, e.Country), ("@certificate" + suffix, e.Certificate),
        ("@from" + suffix, e.ValidFrom), ("@to" + suffix, e.ValidTo), ("@by" + suffix, e.UpdatedBy), ("@at" + suffix, _dialect.ToDb(e.UpdatedAt)),
    ];

    private AeoEntry Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetNullableString(3), r.GetFieldValue<DateOnly>(4), ReadNullableDate(r, 5), r.GetString(6),
        _dialect.ReadTime(r, 7));

    private static DateOnly? ReadNullableDate(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetFieldValue<DateOnly>(ordinal);
}
