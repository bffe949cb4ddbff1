using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using SmartCustoms.Benchmarks.Lodging;

namespace SmartCustoms.Benchmarks.Exchange;

/// <summary>What one end-to-end exchange case measured over its measured rounds.</summary>
public sealed record ExchangeFigures(
    string Target, int Messages, double PerSecond, double WallPerSecond, double SenderCpuUs, double ReceiverCpuUs, double DatabaseCpuUs,
    double MachineBusyPercent, double AttemptsPerMessage, string Stored, string Run);

/// <summary>Like <see cref="LatencyReport"/>: each case writes its row to <c>results/exchange.md</c>, which the summary's columns read back.</summary>
public static class ExchangeReport
{
    private const string Header =
        "| Target | Messages | Messages/s (first to last delivery) | Messages/s (release to last) | Sender CPU (µs/msg) | Receiver CPU (µs/msg) " +
        "| PostgreSQL CPU (µs/msg) | Machine CPU busy | Attempts/msg | Stored at receiver | Run |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|";

    public static string FilePath => Path.Combine(Path.GetDirectoryName(LatencyReport.FilePath)!, "exchange.md");

    public static void Record(ExchangeFigures figures)
    {
        var rows = Read();
        rows[figures.Target] = figures;
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        File.WriteAllText(FilePath, "# Signed messages between two nodes on loopback\n\n" + Header + "\n" +
            string.Join('\n', rows.Values.OrderBy(r => r.Target, StringComparer.Ordinal).Select(Format)) + "\n");
    }

    public static Dictionary<string, ExchangeFigures> Read()
    {
        var rows = new Dictionary<string, ExchangeFigures>(StringComparer.Ordinal);
        if (!File.Exists(FilePath))
        {
            return rows;
        }

        foreach (var line in File.ReadLines(FilePath))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 13 || !int.TryParse(cells[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var messages))
            {
                continue;
            }

            double D(int i) => double.Parse(cells[i].TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture);
            rows[cells[1]] = new ExchangeFigures(cells[1], messages, D(3), D(4), D(5), D(6), D(7), D(8), D(9), cells[10], cells[11]);
        }

        return rows;
    }

    public static string Format(ExchangeFigures f) => string.Create(CultureInfo.InvariantCulture,
        $"| {f.Target} | {f.Messages} | {f.PerSecond:F0} | {f.WallPerSecond:F0} | {f.SenderCpuUs:F0} | {f.ReceiverCpuUs:F0} | {f.DatabaseCpuUs:F0} " +
        $"| {f.MachineBusyPercent:F0}% | {f.AttemptsPerMessage:F2} | {f.Stored} | {f.Run} |");
}

/// <summary>A figure of <see cref="ExchangeReport"/> in the BenchmarkDotNet summary.</summary>
public sealed class ExchangeColumn(string name, string legend, Func<ExchangeFigures, string> value) : FigureColumn(name, legend)
{
    public static readonly IColumn[] All =
    [
        new ExchangeColumn("Msg/s", "Messages per second from the first delivery to the last (sender's clock, measured rounds)", f => F(f.PerSecond)),
        new ExchangeColumn("Sender CPU µs/msg", "CPU time of the sending node per message", f => F(f.SenderCpuUs)),
        new ExchangeColumn("Receiver CPU µs/msg", "CPU time of the receiving node per message", f => F(f.ReceiverCpuUs)),
        new ExchangeColumn("PG CPU µs/msg", "CPU time of both nodes' PostgreSQL backends per message", f => F(f.DatabaseCpuUs)),
        new ExchangeColumn("CPU busy %", "Machine-wide CPU busy while measuring", f => F(f.MachineBusyPercent)),
        new ExchangeColumn("Stored", "Messages stored at the receiver, each exactly once, of those sent", f => f.Stored),
    ];

    public override string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var key = Convert.ToString(benchmarkCase.Parameters["Target"], CultureInfo.InvariantCulture) ?? "";
        return ExchangeReport.Read().TryGetValue(key, out var figures) && figures.Run == LatencyReport.Run ? value(figures) : "NA";
    }

    private static string F(double value) => value.ToString("F0", CultureInfo.InvariantCulture);
}
