using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ScottPlot;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Statistics;

namespace SmartCustoms.Server.Portal;

/// <summary>
/// Public trade statistics (no sign-in): customs value, declarations and items by HS chapter, origin and month.
/// Only aggregates reach this page, and the store has already removed the figures of every cell with fewer than
/// <c>SmartCustoms:Statistics:MinTraders</c> distinct declarants; the charts draw only published cells.
/// </summary>
public sealed class StatisticsModel(ITradeStatisticsStore store, IOptions<SmartCustomsOptions> options, TimeProvider clock) : PortalPage
{
    public const int DefaultMonths = 12;
    public const int MaxMonths = 60;
    public const int TopChapters = 5;
    public const int TopOrigins = 10;
    private const int Width = 720;
    private const int Height = 340;
    private const string MonthFormat = "yyyy-MM";

    /// <summary>First month of the period, <c>yyyy-MM</c>; 11 months before the current one by default.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    /// <summary>Last month of the period, <c>yyyy-MM</c>; the current month by default.</summary>
    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public string? PeriodError { get; private set; }

    public int MinTraders => options.Value.Statistics.MinTraders;

    public IReadOnlyList<string> Months { get; private set; } = [];

    public TradeStatistics Statistics { get; private set; } = new([], [], [], []);

    public HtmlString ChaptersSvg { get; private set; } = HtmlString.Empty;

    public HtmlString OriginsSvg { get; private set; } = HtmlString.Empty;

    /// <summary>The chapters drawn: the largest by published value over the period.</summary>
    public IReadOnlyList<string?> ChartedChapters { get; private set; } = [];

    public static string Key(string? key) => key ?? "not stated";

    public static string Value(TradeFigures? figures) => figures is null ? "suppressed" : Display.Amount(figures.Value);

    public static string Count(long? count) => count?.ToString("#,##0", CultureInfo.InvariantCulture) ?? "suppressed";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = new DateOnly(clock.GetUtcNow().Year, clock.GetUtcNow().Month, 1);
        var to = ParseMonth(To) ?? current;
        var from = ParseMonth(From) ?? to.AddMonths(1 - DefaultMonths);
        if ((To is not null && ParseMonth(To) is null) || (From is not null && ParseMonth(From) is null))
        {
            PeriodError = "Months are written yyyy-MM, e.g. 2026-01, between 1900 and 9000; the last 12 months are shown.";
            (from, to) = (current.AddMonths(1 - DefaultMonths), current);
        }
        else if (from > to || MonthsBetween(from, to) > MaxMonths)
        {
            PeriodError = $"The period runs forward and spans at most {MaxMonths} months; the last 12 months are shown.";
            (from, to) = (current.AddMonths(1 - DefaultMonths), current);
        }

        if (PeriodError is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        From = Format(from);
        To = Format(to);
        Months = [.. Enumerable.Range(0, MonthsBetween(from, to)).Select(i => Format(from.AddMonths(i)))];
        Statistics = await store.GetAsync(From, To, MinTraders, cancellationToken);
        ChartedChapters = [.. Statistics.ByMonthAndChapter.Where(c => c.Figures is not null && c.Key is not null)
            .GroupBy(c => c.Key, StringComparer.Ordinal)
            .OrderByDescending(g => g.Sum(c => c.Figures!.Value)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(TopChapters).Select(g => g.Key)];
        ChaptersSvg = ChapterChart();
        OriginsSvg = OriginChart();
    }

    /// <summary>One line per top chapter over the months; a suppressed or empty month leaves a gap rather than a false figure.</summary>
    private HtmlString ChapterChart()
    {
        var position = Months.Select((month, i) => (month, i)).ToDictionary(p => p.month, p => (double)p.i, StringComparer.Ordinal);
        var plot = new Plot();
        plot.Title("Customs value by month, largest HS chapters");
        plot.YLabel("customs value");
        plot.XLabel("month");
        foreach (var chapter in ChartedChapters)
        {
            var points = Statistics.ByMonthAndChapter
                .Where(c => c.Figures is not null && string.Equals(c.Key, chapter, StringComparison.Ordinal))
                .Select(c => (X: position[c.Month!], Y: (double)c.Figures!.Value)).ToArray();
            var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
            line.LegendText = "chapter " + chapter;
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, Months.Count).Select(i => (double)i)], [.. Months]);
        plot.Axes.SetLimitsX(-0.5, Months.Count - 0.5);
        if (ChartedChapters.Count > 0)
        {
            plot.ShowLegend(Alignment.UpperLeft);
        }

        return SvgChart.Html(plot, Width, Height);
    }

    /// <summary>One bar per origin with published figures over the period, largest first.</summary>
    private HtmlString OriginChart()
    {
        var origins = Statistics.ByOrigin.Where(c => c.Figures is not null).OrderByDescending(c => c.Figures!.Value).Take(TopOrigins).ToList();
        var plot = new Plot();
        plot.Title("Customs value by origin over the period");
        plot.YLabel("customs value");
        plot.XLabel("origin");
        plot.Add.Bars(origins.Select(c => (double)c.Figures!.Value).ToArray());
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, origins.Count).Select(i => (double)i)], [.. origins.Select(c => ChartLabel(c.Key))]);
        plot.Axes.Margins(bottom: 0);
        return SvgChart.Html(plot, Width, Height);
    }

    /// <summary>Origins come from traders' declarations: only a plain country code goes into the SVG markup.</summary>
    private static string ChartLabel(string? origin) =>
        origin is { Length: 2 } && origin.All(char.IsAsciiLetterUpper) ? origin : "other";

    private static DateOnly? ParseMonth(string? text) =>
        // Month arithmetic runs on the range either side of these: years far from ours are treated as not given.
        DateOnly.TryParseExact(text, MonthFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year is >= 1900 and <= 9000 ? month : null;

    private static string Format(DateOnly month) => month.ToString(MonthFormat, CultureInfo.InvariantCulture);

    private static int MonthsBetween(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;
}

/// <summary>One table of statistics cells on the page: its id (for the caption), caption and the heading of its key column.</summary>
public sealed record TradeCellTable(string Id, string Caption, string KeyHeading, IReadOnlyList<TradeCell> Cells);
