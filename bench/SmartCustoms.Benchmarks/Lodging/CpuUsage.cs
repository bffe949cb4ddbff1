using System.Diagnostics;
using System.Globalization;

namespace SmartCustoms.Benchmarks.Lodging;

/// <summary>
/// CPU spent while lodging by the node, by its PostgreSQL backends, by the load generator and by the whole machine
/// (which includes anything else running). On two shared cores this tells CPU saturation from waiting on I/O.
/// </summary>
public sealed record CpuUsage(
    TimeSpan Server, TimeSpan Database, TimeSpan Client, double MachineBusyPercent, double IoWaitPercent, long ServerDiskWriteBytes)
{
    public static CpuUsage Sum(IReadOnlyCollection<CpuUsage> parts) => new(
        TimeSpan.FromTicks(parts.Sum(p => p.Server.Ticks)),
        TimeSpan.FromTicks(parts.Sum(p => p.Database.Ticks)),
        TimeSpan.FromTicks(parts.Sum(p => p.Client.Ticks)),
        parts.Count == 0 ? 0 : parts.Average(p => p.MachineBusyPercent),
        parts.Count == 0 ? 0 : parts.Average(p => p.IoWaitPercent),
        parts.Sum(p => p.ServerDiskWriteBytes));
}

/// <summary>Reads the counters behind <see cref="CpuUsage"/>: Linux /proc, so the figures are zero elsewhere.</summary>
/// <param name="databaseName">PostgreSQL names the database in each backend's process title; null for SQLite.</param>
public sealed class CpuProbe(ServerProcess server, string? databaseName)
{
    // USER_HZ, the unit of /proc/*/stat times, is 100 on every mainstream Linux build.
    private const double TicksPerSecond = 100;

    public sealed record Snapshot(TimeSpan Server, TimeSpan Database, TimeSpan Client, long[] Machine, long ServerDiskWriteBytes);

    public Snapshot Take()
    {
        using var self = Process.GetCurrentProcess();
        return new Snapshot(server.CpuTime, DatabaseCpu(), self.TotalProcessorTime, MachineJiffies(), server.DiskWriteBytes);
    }

    public static CpuUsage Between(Snapshot start, Snapshot end)
    {
        var delta = end.Machine.Zip(start.Machine, (now, then) => now - then).ToArray();
        double total = Math.Max(1, delta.Sum());
        // Fields of /proc/stat's "cpu" line: user nice system idle iowait irq softirq steal.
        var idle = delta.Length > 3 ? delta[3] : 0;
        var iowait = delta.Length > 4 ? delta[4] : 0;
        return new CpuUsage(end.Server - start.Server, end.Database - start.Database, end.Client - start.Client,
            100 * (total - idle - iowait) / total, 100 * iowait / total, end.ServerDiskWriteBytes - start.ServerDiskWriteBytes);
    }

    private TimeSpan DatabaseCpu()
    {
        if (databaseName is null || !Directory.Exists("/proc"))
        {
            return TimeSpan.Zero;
        }

        double ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                if (!stat.Contains("(postgres)", StringComparison.Ordinal)
                    || !File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(databaseName, StringComparison.Ordinal))
                {
                    continue;
                }

                // After "(comm) " come state, ppid...; utime and stime are the 12th and 13th fields from there.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Not a process, or one that ended while being read.
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static long[] MachineJiffies()
    {
        if (!File.Exists("/proc/stat"))
        {
            return [];
        }

        var line = File.ReadLines("/proc/stat").First();
        return [.. line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(v => long.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture))];
    }
}
