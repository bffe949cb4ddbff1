using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Html;
using ScottPlot;
using SmartCustoms.Domain.Controls;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Server.Models;
using SmartCustoms.Server.Risk;
using SmartCustoms.Storage.Models;
using SmartCustoms.Storage.Risk;

namespace SmartCustoms.Server.Portal.Analyst;

/// <summary>
/// Lane rates and hit rates week by week, and the fraud models' validation metrics, drawn by ScottPlot as SVG on the
/// server (the page runs no script); each chart comes with its figures as a table for screen readers.
/// </summary>
public sealed class ChartsModel(IRiskStore store, IModelStore models, TimeProvider clock) : PortalPage
{
    public const int Weeks = 12;
    private const int Width = 720;
    private const int Height = 340;

    public sealed record Week(DateTimeOffset From, RiskPerformanceReport Report);

    public sealed record ModelMetric(long Model, string Metric, double Value);

    public IReadOnlyList<Week> History { get; private set; } = [];

    public IReadOnlyList<ModelMetric> Metrics { get; private set; } = [];

    public HtmlString LaneRatesSvg { get; private set; } = HtmlString.Empty;

    public HtmlString HitRatesSvg { get; private set; } = HtmlString.Empty;

    public HtmlString ModelSvg { get; private set; } = HtmlString.Empty;

    public static double? Share(RiskPerformanceReport report, Lane lane)
    {
        ArgumentNullException.ThrowIfNull(report);
        var count = report.Lanes.FirstOrDefault(l => l.Lane == lane)?.Declarations ?? 0;
        return report.Total.Declarations == 0 ? null : (double)count / report.Total.Declarations;
    }

    public static double? HitRate(RiskPerformanceReport report, Lane lane)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Lanes.FirstOrDefault(l => l.Lane == lane)?.HitRate;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Whole days, so that each week starts at midnight UTC and today is in the last one.
        var end = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        var weeks = new List<Week>();
        for (var i = Weeks; i > 0; i--)
        {
            var from = end - TimeSpan.FromDays(7 * i);
            weeks.Add(new Week(from, await PerformanceApi.ComputeAsync(store, from, from + TimeSpan.FromDays(7), cancellationToken)));
        }

        History = weeks;
        Metrics = [.. (await models.ListAsync(cancellationToken)).OrderBy(m => m.Id).SelectMany(ValidationMetrics)];
        var lanes = Enum.GetValues<Lane>();
        LaneRatesSvg = Chart("Share of declarations per lane", "share", lanes.Select(l => (Display.Lane(l), weeks.Select(w => Share(w.Report, l)).ToArray())));
        HitRatesSvg = Chart("Hit rate of inspections per lane", "findings per inspection",
            lanes.Select(l => (Display.Lane(l), weeks.Select(w => HitRate(w.Report, l)).ToArray()))
                .Append(("random baseline", weeks.Select(w => w.Report.RandomBaseline.HitRate).ToArray())));
        ModelSvg = Metrics.Count == 0 ? HtmlString.Empty : ModelChart(Metrics);
    }

    /// <summary>One line per series over the weeks; weeks without data leave a gap rather than a false zero.</summary>
    private HtmlString Chart(string title, string axis, IEnumerable<(string Name, double?[] Values)> series)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.YLabel(axis);
        plot.XLabel("week starting");
        foreach (var (name, values) in series)
        {
            var points = values.Select((v, i) => (v, i)).Where(p => p.v is not null).ToArray();
            if (points.Length == 0)
            {
                continue;
            }

            var line = plot.Add.Scatter(points.Select(p => History[p.i].From.UtcDateTime.ToOADate()).ToArray(), points.Select(p => p.v!.Value).ToArray());
            line.LegendText = name;
            line.Color = SeriesColor(name);
        }

        plot.Axes.DateTimeTicksBottom();
        // The whole period, even when only some weeks have data.
        plot.Axes.SetLimits(History[0].From.UtcDateTime.ToOADate(), History[^1].From.UtcDateTime.AddDays(7).ToOADate(), 0, 1);
        plot.ShowLegend(Alignment.UpperRight);
        return Svg(plot);
    }

    private static HtmlString ModelChart(IReadOnlyList<ModelMetric> metrics)
    {
        var plot = new Plot();
        plot.Title("Fraud models: validation metrics by version");
        plot.XLabel("model version");
        foreach (var group in metrics.GroupBy(m => m.Metric, StringComparer.Ordinal))
        {
            var line = plot.Add.Scatter(group.Select(m => (double)m.Model).ToArray(), group.Select(m => m.Value).ToArray());
            line.LegendText = group.Key;
        }

        plot.Axes.SetLimitsY(0, 1);
        plot.ShowLegend(Alignment.LowerRight);
        return Svg(plot);
    }

    /// <summary>The metrics between 0 and 1 of a model's validation on fraud (precision, recall, AUC and the like).</summary>
    private static IEnumerable<ModelMetric> ValidationMetrics(StoredModel model) =>
        ModelsModel.Figures(ModelResponse.From(model).Info, "validation", "fraud")
            .Select(f => (f.Name, Parsed: double.TryParse(f.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN))
            .Where(f => f.Parsed is >= 0 and <= 1)
            .Select(f => new ModelMetric(model.Id, f.Name, f.Parsed));

    private static Color SeriesColor(string name) => name switch
    {
        "red" => Color.FromHex("#b3261e"),
        "yellow" => Color.FromHex("#c9a000"),
        "blue" => Color.FromHex("#0b5cad"),
        "green" => Color.FromHex("#1e7a34"),
        _ => Color.FromHex("#555d66"),
    };

    private static HtmlString Svg(Plot plot) => SvgChart.Html(plot, Width, Height);
}
