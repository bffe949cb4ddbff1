using System.Text;
using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Aeo;

/// <summary>
/// Replacing a partner's AEO list, shared by the AEO store and the exchange store (which writes it in the transaction
/// that accepts the <c>aeo-list</c> message).
/// </summary>
internal sealed class AeoWrites(SqlDialect dialect)
{
    /// <summary>Rows per multi-row insert; the rest go one by one, so that only two statement texts are ever prepared.</summary>
    private const int Chunk = 100;

    /// <summary>
    /// Puts <paramref name="list"/> in force for its sender when it is newer (by <c>createdAt</c>, then message id) than
    /// the list in force; an older one changes nothing. The upsert takes the sender's row lock, so two lists of one sender
    /// accepted at once replace the entries one after the other.
    /// </summary>
    /// <returns>True when the list was put in force.</returns>
    public async Task<bool> ReplacePartnerListAsync(SqlSession session, PartnerAeoList list, CancellationToken ct)
    {
        var replaced = await session.ExecuteAsync(
            "INSERT INTO aeo_partner_lists (sender, message_id, created_at, listed_at, received_at, entries) " +
            "VALUES (@sender, @messageId, @createdAt, @listedAt, @receivedAt, @entries) " +
            "ON CONFLICT (sender) DO UPDATE SET message_id = excluded.message_id, created_at = excluded.created_at, listed_at = excluded.listed_at, " +
            "received_at = excluded.received_at, entries = excluded.entries " +
            "WHERE aeo_partner_lists.created_at < excluded.created_at " +
            "OR (aeo_partner_lists.created_at = excluded.created_at AND aeo_partner_lists.message_id < excluded.message_id)", ct,
            ("@sender", list.Sender), ("@messageId", list.MessageId), ("@createdAt", dialect.ToDb(list.CreatedAt)), ("@listedAt", dialect.ToDb(list.ListedAt)),
            ("@receivedAt", dialect.ToDb(list.ReceivedAt)), ("@entries", list.Entries.Count)).ConfigureAwait(false);
        if (replaced == 0)
        {
            return false;
        }

        await Snapshots.SnapshotWrites.BumpAsync(session, Snapshots.SnapshotKind.Aeo, ct).ConfigureAwait(false);
        await session.ExecuteAsync("DELETE FROM aeo_partner_entries WHERE sender = @sender", ct, ("@sender", list.Sender)).ConfigureAwait(false);
        await InsertAsync(session, "aeo_partner_entries (sender, trader_id, name, country, certificate, valid_from, valid_to)", list.Entries,
            (e, i) => [($"@s{i}", list.Sender), ($"@t{i}", e.TraderId), ($"@n{i}", e.Name), ($"@c{i}", e.Country), ($"@k{i}", e.Certificate),
                ($"@f{i}", e.ValidFrom), ($"@u{i}", e.ValidTo)], ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Inserts rows into <paramref name="target"/> (table and columns), <see cref="Chunk"/> at a time.</summary>
    public static async Task InsertAsync<T>(
        SqlSession session, string target, IReadOnlyList<T> rows, Func<T, int, (string Name, object? Value)[]> values, CancellationToken ct)
    {
        var index = 0;
        while (index < rows.Count)
        {
            var count = rows.Count - index >= Chunk ? Chunk : 1;
            var args = new List<(string Name, object? Value)>();
            var sql = new StringBuilder("INSERT INTO ").Append(target).Append(" VALUES ");
            for (var i = 0; i < count; i++)
            {
                var row = values(rows[index + i], i);
                sql.Append(i == 0 ? "(" : ", (").AppendJoin(", ", row.Select(a => a.Name)).Append(')');
                args.AddRange(row);
            }

            await session.ExecuteAsync(sql.ToString(), ct, [.. args]).ConfigureAwait(false);
            index += count;
        }
    }
}
