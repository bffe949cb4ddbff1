using System.Data.Common;
using System.Globalization;
using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Statistics;

/// <summary>
/// Aggregates in SQL; a cell under the minimum number of traders has its figures replaced by NULL in the query
/// itself, so they never leave the database.
/// </summary>
internal sealed class TradeStatisticsStore(StorageBackend backend) : ITradeStatisticsStore
{
    public Task<TradeStatistics> GetAsync(string fromMonth, string toMonth, int minTraders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fromMonth);
        ArgumentNullException.ThrowIfNull(toMonth);
        ArgumentOutOfRangeException.ThrowIfLessThan(minTraders, 1);
        (string, object?)[] args = [("@from", fromMonth), ("@to", toMonth), ("@min", (long)minTraders)];
        return backend.ReadAsync(async (session, ct) =>
        {
            var byMonthAndChapter = await MergeSmallCellsAsync(
                session, "chapter", await session.QueryAsync(Aggregate("month", "chapter"), ReadCell, ct, args).ConfigureAwait(false), minTraders, ct).ConfigureAwait(false);
            var byMonthAndOrigin = await MergeSmallCellsAsync(
                session, "origin", await session.QueryAsync(Aggregate("month", "origin"), ReadCell, ct, args).ConfigureAwait(false), minTraders, ct).ConfigureAwait(false);
            var byChapter = await session.QueryAsync(Aggregate("NULL", "chapter"), ReadCell, ct, args).ConfigureAwait(false);
            var byOrigin = await session.QueryAsync(Aggregate("NULL", "origin"), ReadCell, ct, args).ConfigureAwait(false);
            return new TradeStatistics(
                byMonthAndChapter, byMonthAndOrigin, SuppressRevealingTotals(byChapter, byMonthAndChapter), SuppressRevealingTotals(byOrigin, byMonthAndOrigin));
        }, cancellationToken);
    }

    /// <summary>
    /// Both monthly tables describe the same goods, so a month whose total can be read from one table would give a
    /// lone suppressed cell of the other away by subtraction. Each month's suppressed cells are therefore published
    /// merged as one "other" row, which must itself hold the minimum number of distinct traders: while it does not,
    /// the smallest published cell of that month joins it (and is suppressed on its own). Every month then adds up
    /// to the same total in both tables, and no figure of fewer traders can be derived from them.
    /// </summary>
    private static async Task<List<TradeCell>> MergeSmallCellsAsync(
        SqlSession session, string key, List<TradeCell> cells, int minTraders, CancellationToken ct)
    {
        var result = new List<TradeCell>(cells.Count + 4);
        foreach (var month in cells.GroupBy(c => c.Month, StringComparer.Ordinal))
        {
            var row = month.ToList();
            if (!row.Any(c => c.Suppressed))
            {
                result.AddRange(row);
                continue;
            }

            TradeFigures? other;
            while (true)
            {
                other = await UnionAsync(session, key, month.Key!, [.. row.Where(c => c.Suppressed).Select(c => c.Key)], ct).ConfigureAwait(false);
                var smallest = row.Where(c => !c.Suppressed).OrderBy(c => c.Figures!.Value).ThenBy(c => c.Key, StringComparer.Ordinal).FirstOrDefault();
                if (other.Traders >= minTraders || smallest is null)
                {
                    break;
                }

                row[row.IndexOf(smallest)] = smallest with { Figures = null };
            }

            result.AddRange(row);
            result.Add(new TradeCell(month.Key, null, other.Traders >= minTraders ? other : null, Other: true));
        }

        return result;
    }

    /// <summary>The figures of the given keys of one month together; a null key is the items that did not state it.</summary>
    private static async Task<TradeFigures> UnionAsync(SqlSession session, string key, string month, IReadOnlyList<string?> keys, CancellationToken ct)
    {
        var stated = keys.OfType<string>().ToList();
        var conditions = new List<string>(2);
        if (stated.Count > 0)
        {
            conditions.Add($"{key} IN ({string.Join(", ", stated.Select((_, i) => "@k" + i.ToString(CultureInfo.InvariantCulture)))})");
        }

        if (keys.Any(k => k is null))
        {
            conditions.Add($"{key} IS NULL");
        }

        (string, object?)[] args = [("@month", month), .. stated.Select((k, i) => ("@k" + i.ToString(CultureInfo.InvariantCulture), (object?)k))];
        var rows = await session.QueryAsync(
            "SELECT COUNT(DISTINCT mrn), COUNT(*), COALESCE(SUM(value_cents), 0), COUNT(DISTINCT declarant_id) FROM trade_statistics " +
            $"WHERE month = @month AND ({string.Join(" OR ", conditions)})",
            r => new TradeFigures(Int64(r, 0), Int64(r, 1), Convert.ToDecimal(r.GetValue(2), CultureInfo.InvariantCulture) / 100m, Int64(r, 3)),
            ct, args).ConfigureAwait(false);
        return rows[0];
    }

    /// <summary>Figures per (month, key), or per key over the period when <paramref name="month"/> is NULL.</summary>
    private static string Aggregate(string month, string key)
    {
        const string Enough = "COUNT(DISTINCT declarant_id) >= @min";
        return $"SELECT {month}, {key}, " +
            $"CASE WHEN {Enough} THEN COUNT(DISTINCT mrn) END, CASE WHEN {Enough} THEN COUNT(*) END, " +
            $"CASE WHEN {Enough} THEN COALESCE(SUM(value_cents), 0) END, CASE WHEN {Enough} THEN COUNT(DISTINCT declarant_id) END " +
            $"FROM trade_statistics WHERE month >= @from AND month <= @to " +
            $"GROUP BY {(month == "NULL" ? key : month + ", " + key)} ORDER BY {(month == "NULL" ? key : month + ", " + key)}";
    }

    private static TradeCell ReadCell(DbDataReader reader) => new(
        reader.GetNullableString(0),
        reader.GetNullableString(1),
        reader.IsDBNull(2) ? null : new TradeFigures(
            Int64(reader, 2), Int64(reader, 3),
            Convert.ToDecimal(reader.GetValue(4), CultureInfo.InvariantCulture) / 100m, Int64(reader, 5)));

    // The providers hand counts back as int8 or int4, and PostgreSQL's SUM of bigint as numeric.
    private static long Int64(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <summary>
    /// A period total minus its published months would give away a suppressed monthly cell: such a total is
    /// suppressed too (secondary suppression).
    /// </summary>
    private static List<TradeCell> SuppressRevealingTotals(List<TradeCell> totals, List<TradeCell> monthly)
    {
        var hiding = monthly.Where(c => c.Suppressed && !c.Other).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        return [.. totals.Select(t => t.Figures is not null && hiding.Contains(t.Key) ? t with { Figures = null } : t)];
    }
}
