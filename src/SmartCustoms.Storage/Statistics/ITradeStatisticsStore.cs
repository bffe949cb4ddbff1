namespace SmartCustoms.Storage.Statistics;

/// <summary>The figures of one published cell: declarations, goods items, customs value in national currency, distinct traders.</summary>
public sealed record TradeFigures(long Declarations, long Items, decimal Value, long Traders);

/// <summary>
/// One cell of a statistics table: a month (null in totals over the period) and a key (an HS chapter or an origin
/// country; null when the items did not state it). <see cref="Figures"/> is null when the cell is suppressed.
/// </summary>
/// <param name="Other">
/// The month's row of cells too small to publish, merged: it holds at least the minimum number of traders, or is
/// suppressed too. <see cref="Key"/> is null on it.
/// </param>
public sealed record TradeCell(string? Month, string? Key, TradeFigures? Figures, bool Other = false)
{
    public bool Suppressed => Figures is null;
}

/// <summary>The public trade statistics of a period, every cell already held to the minimum number of traders.</summary>
public sealed record TradeStatistics(
    IReadOnlyList<TradeCell> ByMonthAndChapter,
    IReadOnlyList<TradeCell> ByMonthAndOrigin,
    IReadOnlyList<TradeCell> ByChapter,
    IReadOnlyList<TradeCell> ByOrigin);

/// <summary>Aggregates of the goods items of accepted declarations, for publication.</summary>
public interface ITradeStatisticsStore
{
    /// <summary>
    /// The aggregates of the months <paramref name="fromMonth"/> to <paramref name="toMonth"/> (inclusive, <c>yyyy-MM</c>).
    /// A cell with fewer than <paramref name="minTraders"/> distinct declarants comes back without figures, and so does
    /// a period total whose monthly cells include a suppressed one (it would give the suppressed figures away by subtraction).
    /// </summary>
    Task<TradeStatistics> GetAsync(string fromMonth, string toMonth, int minTraders, CancellationToken cancellationToken);
}
