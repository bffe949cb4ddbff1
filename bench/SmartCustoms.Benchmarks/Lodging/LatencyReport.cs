using System.Globalization;

namespace SmartCustoms.Benchmarks.Lodging;

/// <summary>What one lodging case measured over its measured iterations (warm-up rounds left out).</summary>
/// <remarks><c>FirstTenSecondsPerSecond</c>: declarations answered per second in the first 10 s after the server first answered
/// <c>/health/live</c> (start-up, JIT and all), to compare with the warm <c>PerSecond</c>.</remarks>
public sealed record LodgingFigures(
    string Target, string Body, int Concurrency, int Requests, double PerSecond, double P50Ms, double P99Ms, double MaxMs,
    double NodeCpuUsPerRequest, double DatabaseCpuUsPerRequest, double ClientCpuUsPerRequest, double MachineBusyPercent, double IoWaitPercent,
    double NodeDiskKbPerRequest, double FirstTenSecondsPerSecond, string Run)
{
    public string Key => KeyOf(Target, Body, Concurrency);

    public static string KeyOf(string target, string body, int concurrency) =>
        target + "/" + body + "/" + concurrency.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// BenchmarkDotNet reports a mean per operation; percentiles need every request's latency, which only the
/// benchmark process has. Each case writes its row to a Markdown table in the artifacts folder, which both the
/// reader and the summary's columns (in the host process) use.
/// </summary>
public static class LatencyReport
{
    /// <summary>Set by the host to its artifacts folder, so that the benchmark processes write beside its results.</summary>
    public const string ArtifactsVariable = "SMARTCUSTOMS_BENCH_ARTIFACTS";

    /// <summary>Set by the host to its start time: rows of earlier runs stay in the file but not in this run's summary.</summary>
    public const string RunVariable = "SMARTCUSTOMS_BENCH_RUN";

    private const string Header =
        "| Target | Body | Concurrency | Requests | Declarations/s | p50 (ms) | p99 (ms) | max (ms) | Node CPU (µs/decl) | PostgreSQL CPU (µs/decl) " +
        "| Client CPU (µs/decl) | Machine CPU busy | iowait | Node disk writes (KB/decl) | First 10 s (decl/s) | Run |\n" +
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|";

    public static string Run => Environment.GetEnvironmentVariable(RunVariable) ?? "";

    public static string FilePath => Path.Combine(
        Environment.GetEnvironmentVariable(ArtifactsVariable) is { Length: > 0 } artifacts
            ? artifacts
            : Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts"),
        "results", "lodging-latency.md");

    public static LodgingFigures Summarise(
        string target, string body, int concurrency, IReadOnlyList<long[]> latencyTicks, TimeSpan elapsed, CpuUsage cpu, double firstTenSeconds)
    {
        var all = latencyTicks.SelectMany(l => l).Order().ToArray();
        double Ms(long ticks) => ticks * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
        double Percentile(double p) => Ms(all[Math.Clamp((int)Math.Ceiling(p * all.Length) - 1, 0, all.Length - 1)]);
        double PerRequest(double total) => total / all.Length;
        return new LodgingFigures(
            target, body, concurrency, all.Length, all.Length / elapsed.TotalSeconds, Percentile(0.50), Percentile(0.99), Ms(all[^1]),
            PerRequest(cpu.Server.TotalMicroseconds), PerRequest(cpu.Database.TotalMicroseconds), PerRequest(cpu.Client.TotalMicroseconds),
            cpu.MachineBusyPercent, cpu.IoWaitPercent, PerRequest(cpu.ServerDiskWriteBytes / 1024.0), firstTenSeconds, Run);
    }

    /// <summary>Replaces the case's row, keeping rows of cases not run this time.</summary>
    public static void Record(LodgingFigures figures)
    {
        var rows = Read();
        rows[figures.Key] = figures;
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var lines = rows.Values.OrderBy(r => r.Target, StringComparer.Ordinal).ThenBy(r => r.Body, StringComparer.Ordinal)
            .ThenBy(r => r.Concurrency).Select(Format);
        File.WriteAllText(FilePath, "# Lodging over HTTP on loopback\n\n" + Header + "\n" + string.Join('\n', lines) + "\n");
    }

    public static Dictionary<string, LodgingFigures> Read()
    {
        var rows = new Dictionary<string, LodgingFigures>(StringComparer.Ordinal);
        if (!File.Exists(FilePath))
        {
            return rows;
        }

        foreach (var line in File.ReadLines(FilePath))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            // Rows of the older layout (without Body and First 10 s) are dropped.
            if (cells.Length < 18 || !int.TryParse(cells[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var concurrency))
            {
                continue;
            }

            double D(int i) => double.Parse(cells[i].TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture);
            var row = new LodgingFigures(cells[1], cells[2], concurrency, (int)D(4), D(5), D(6), D(7), D(8), D(9), D(10), D(11), D(12), D(13), D(14),
                D(15), cells[16]);
            rows[row.Key] = row;
        }

        return rows;
    }

    public static string Format(LodgingFigures f) => string.Create(CultureInfo.InvariantCulture,
        $"| {f.Target} | {f.Body} | {f.Concurrency} | {f.Requests} | {f.PerSecond:F0} | {f.P50Ms:F2} | {f.P99Ms:F2} | {f.MaxMs:F1} | {f.NodeCpuUsPerRequest:F0} " +
        $"| {f.DatabaseCpuUsPerRequest:F0} | {f.ClientCpuUsPerRequest:F0} | {f.MachineBusyPercent:F0}% | {f.IoWaitPercent:F0}% | {f.NodeDiskKbPerRequest:F1} | {f.FirstTenSecondsPerSecond:F0} | {f.Run} |");
}
