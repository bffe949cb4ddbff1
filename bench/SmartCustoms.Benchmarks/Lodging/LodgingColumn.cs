using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SmartCustoms.Benchmarks.Lodging;

/// <summary>A figure of <see cref="LatencyReport"/> in the BenchmarkDotNet summary, read back from the case's row.</summary>
public sealed class LodgingColumn(string name, string legend, Func<LodgingFigures, double> value, string format) : FigureColumn(name, legend)
{
    public static readonly IColumn[] All =
    [
        new LodgingColumn("Decl/s", "Declarations per second over the measured iterations (wall clock)", f => f.PerSecond, "F0"),
        new LodgingColumn("p50 ms", "Median request latency, client side", f => f.P50Ms, "F2"),
        new LodgingColumn("p99 ms", "99th percentile request latency, client side", f => f.P99Ms, "F2"),
        new LodgingColumn("Node CPU µs/decl", "CPU time of the server process per declaration", f => f.NodeCpuUsPerRequest, "F0"),
        new LodgingColumn("PG CPU µs/decl", "CPU time of the PostgreSQL backends serving the node, per declaration", f => f.DatabaseCpuUsPerRequest, "F0"),
        new LodgingColumn("Client CPU µs/decl", "CPU time of the load generator per declaration", f => f.ClientCpuUsPerRequest, "F0"),
        new LodgingColumn("Disk KB/decl", "Bytes the node wrote to storage per declaration (SQLite file and WAL; 0 on tmpfs)", f => f.NodeDiskKbPerRequest, "F1"),
        new LodgingColumn("First 10 s decl/s", "Declarations per second in the first 10 s after the server first answered /health/live", f => f.FirstTenSecondsPerSecond, "F0"),
        new LodgingColumn("CPU busy %", "Machine-wide CPU busy while measuring (both cores, all processes)", f => f.MachineBusyPercent, "F0"),
    ];

    public override string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var key = LodgingFigures.KeyOf((string)benchmarkCase.Parameters["Target"], (string)benchmarkCase.Parameters["Body"],
            Convert.ToInt32(benchmarkCase.Parameters["Concurrency"], CultureInfo.InvariantCulture));
        // A row from an earlier run would pass off a failed case as measured.
        return LatencyReport.Read().TryGetValue(key, out var figures) && figures.Run == LatencyReport.Run
            ? value(figures).ToString(format, CultureInfo.InvariantCulture)
            : "NA";
    }
}
