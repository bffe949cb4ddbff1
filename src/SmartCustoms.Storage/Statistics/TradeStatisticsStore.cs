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
            var byMonthAndChapter = await session.QueryAsync(Aggregate("month", "chapter"), ReadCell, ct, args).ConfigureAwait(false);
            var byMonthAndOrigin = await session.QueryAsync(Aggregate("month", "origin"), ReadCell, ct, args).ConfigureAwait(false);
            var byChapter = await session.QueryAsync(Aggregate("NULL", "chapter"), ReadCell, ct, args).ConfigureAwait(false);
            var byOrigin = await session.QueryAsync(Aggregate("NULL", "origin"), ReadCell, ct, args).ConfigureAwait(false);
            return new TradeStatistics(
                byMonthAndChapter, byMonthAndOrigin, SuppressRevealingTotals(byChapter, byMonthAndChapter), SuppressRevealingTotals(byOrigin, byMonthAndOrigin));
        }, cancellationToken);
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
        var hiding = monthly.Where(c => c.Suppressed).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        return [.. totals.Select(t => t.Figures is not null && hiding.Contains(t.Key) ? t with { Figures = null } : t)];
    }
}
