using System.Globalization;
using System.Text;
using SmartCustoms.Domain.Controls;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Server.Access;
using SmartCustoms.Server.Declarations;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Risk;

namespace SmartCustoms.Server.Risk;

/// <summary>How well selection finds fraud, per lane and per criterion, from the inspection results recorded by officers.</summary>
public static class PerformanceApi
{
    public const string CsvHeader = "kind,key,name,retired,declarations,selections,inspections,findings,hit_rate,revenue,lift";
    private static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(90);

    public static RouteHandlerBuilder MapRiskPerformance(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/risk/performance", GetAsync).WithName("GetRiskPerformance")
            .WithTags("Risk performance")
            .WithSummary("Selections, inspections, findings, hit rate and revenue per lane and per criterion, with the random baseline")
            .WithDescription("Declarations accepted in [from, to) (default: the last 90 days). format=csv (or Accept: text/csv) gives one row per total, baseline, lane and criterion.")
            .Produces<RiskPerformanceReport>()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(p => p.RequireRole(Roles.Analyst, Roles.Officer));

    private static async Task<IResult> GetAsync(
        HttpRequest request, IRiskStore store, TimeProvider clock, CancellationToken cancellationToken,
        string? from = null, string? to = null, string? format = null)
    {
        var now = clock.GetUtcNow();
        if (!TryParse(to, now, out var until) || !TryParse(from, until - DefaultPeriod, out var since))
        {
            return Refusal.Single(RefusalKind.Invalid, "Invalid period",
                "from and to are dates (2026-11-01) or instants (2026-11-01T00:00:00Z).", "period.invalid", to is not null && !TryParse(to, now, out _) ? "/to" : "/from").ToResult();
        }

        if (since >= until)
        {
            return Refusal.Single(RefusalKind.Invalid, "Invalid period", "from must be before to.", "period.empty", "/from").ToResult();
        }

        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            || (format is null && request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true));
        if (format is not null && !csv && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return Refusal.Single(RefusalKind.Invalid, "Invalid format", "format is json (default) or csv.", "format.invalid", "/format").ToResult();
        }

        var report = await ComputeAsync(store, since, until, cancellationToken).ConfigureAwait(false);
        return csv
            ? TypedResults.Text(ToCsv(report), "text/csv; charset=utf-8", Encoding.UTF8)
            : TypedResults.Ok(report);
    }

    /// <summary>The report of declarations accepted in [<paramref name="since"/>, <paramref name="until"/>): for the API and the analysts' page.</summary>
    public static async Task<RiskPerformanceReport> ComputeAsync(IRiskStore store, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (outcomes, hits) = await store.GetControlOutcomesAsync(since, until, cancellationToken).ConfigureAwait(false);
        var criteria = (await store.ListCurrentAsync(includeRetired: true, cancellationToken).ConfigureAwait(false))
            .Select(c => new CriterionEntry(c.Id, c.Document.Name ?? "", c.RetiredAt is not null)).ToList();
        return RiskPerformance.Compute(since, until, outcomes, hits, criteria);
    }

    /// <summary>The period the report covers when none is asked for.</summary>
    public static TimeSpan DefaultReportPeriod => DefaultPeriod;

    private static bool TryParse(string? text, DateTimeOffset fallback, out DateTimeOffset value)
    {
        if (string.IsNullOrEmpty(text))
        {
            value = fallback;
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }
        else if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            return false;
        }

        // Periods are computed by subtracting from these: years far from ours are refused, not overflowed.
        return value.Year is >= 1900 and <= 9000;
    }

    public static string ToCsv(RiskPerformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder(CsvHeader).Append('\n');
        Row(csv, "total", "all", "", null, report.Total.Declarations, report.Total.Selections, report.Total.Inspections, report.Total.Findings,
            report.Total.HitRate, report.Total.Revenue, null);
        Row(csv, "baseline", "random", "random selections", null, report.RandomBaseline.Declarations, report.RandomBaseline.Selections,
            report.RandomBaseline.Inspections, report.RandomBaseline.Findings, report.RandomBaseline.HitRate, report.RandomBaseline.Revenue, null);
        foreach (var lane in report.Lanes)
        {
            Row(csv, "lane", lane.Lane.ToString().ToLowerInvariant(), "", null, lane.Declarations, null, lane.Inspections, lane.Findings,
                lane.HitRate, lane.Revenue, null);
        }

        foreach (var c in report.Criteria)
        {
            Row(csv, "criterion", c.Id, c.Name, c.Retired, c.Hits, c.Selections, c.Inspections, c.Findings, c.HitRate, c.Revenue, c.Lift);
        }

        return csv.ToString();
    }

    private static void Row(
        StringBuilder csv, string kind, string key, string name, bool? retired, long declarations, long? selections, long inspections, long findings,
        double? hitRate, decimal revenue, double? lift)
    {
        var invariant = CultureInfo.InvariantCulture;
        csv.Append(kind).Append(',').Append(Field(key)).Append(',').Append(Field(name)).Append(',')
            .Append(retired switch { true => "true", false => "false", null => "" }).Append(',')
            .Append(declarations.ToString(invariant)).Append(',').Append(selections?.ToString(invariant)).Append(',')
            .Append(inspections.ToString(invariant)).Append(',').Append(findings.ToString(invariant)).Append(',')
            .Append(hitRate?.ToString("0.####", invariant)).Append(',').Append(revenue.ToString("0.##########", invariant)).Append(',')
            .Append(lift?.ToString("0.##", invariant)).Append('\n');
    }

    /// <summary>RFC 4180 quoting, and a leading quote mark for text a spreadsheet would run as a formula.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
