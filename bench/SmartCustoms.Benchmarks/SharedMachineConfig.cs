using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace SmartCustoms.Benchmarks;

/// <summary>
/// ShortRun with ten measured iterations instead of three, and the median beside the mean: the two cores are
/// shared with other work, and the median resists a neighbour's burst. Single-threaded, so Op/s is per core.
/// </summary>
public sealed class SharedMachineConfig : ManualConfig
{
    public SharedMachineConfig()
    {
        AddJob(Job.ShortRun.WithIterationCount(10));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, StatisticColumn.OperationsPerSecond);
    }
}
