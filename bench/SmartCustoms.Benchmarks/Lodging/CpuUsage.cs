using System.Diagnostics;
using System.Globalization;

namespace SmartCustoms.Benchmarks.Lodging;

/// <summary>
/// CPU spent while lodging, by the node, by the load generator and by the whole machine (which includes
/// PostgreSQL and anything else running). On two shared cores this tells CPU saturation from waiting on I/O.
/// </summary>
public sealed record CpuUsage(TimeSpan Server, TimeSpan Client, double MachineBusyPercent, double IoWaitPercent)
{
    public static CpuUsage Sum(IEnumerable<CpuUsage> parts)
    {
        var list = parts.ToList();
        return new CpuUsage(
            TimeSpan.FromTicks(list.Sum(p => p.Server.Ticks)),
            TimeSpan.FromTicks(list.Sum(p => p.Client.Ticks)),
            list.Count == 0 ? 0 : list.Average(p => p.MachineBusyPercent),
            list.Count == 0 ? 0 : list.Average(p => p.IoWaitPercent));
    }

    public sealed record Snapshot(TimeSpan Server, TimeSpan Client, long[] Machine)
    {
        public static Snapshot Take(ServerProcess server)
        {
            using var self = Process.GetCurrentProcess();
            return new Snapshot(server.CpuTime, self.TotalProcessorTime, MachineJiffies());
        }

        public CpuUsage Since(Snapshot start)
        {
            var delta = Machine.Zip(start.Machine, (now, then) => now - then).ToArray();
            double total = Math.Max(1, delta.Sum());
            // Fields of /proc/stat's "cpu" line: user nice system idle iowait irq softirq steal ...
            var idle = delta.Length > 3 ? delta[3] : 0;
            var iowait = delta.Length > 4 ? delta[4] : 0;
            return new CpuUsage(Server - start.Server, Client - start.Client, 100 * (total - idle - iowait) / total, 100 * iowait / total);
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
}
