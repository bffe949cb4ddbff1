using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using SmartCustoms.Domain.ReferenceData;

namespace SmartCustoms.Benchmarks;

/// <summary>
/// A fresh load of the reference catalog (HS 2022, countries, currencies, UN/LOCODE) from the embedded CSVs, warm:
/// the parsing and indexing work a node does once at start-up, without JIT.
/// </summary>
[Config(typeof(SharedMachineConfig))]
public class ReferenceDataBenchmarks
{
    // ReferenceCatalog caches its one instance in a Lazy; its private Load builds a new one each call, which is the
    // only way to time a load repeatedly without changing the Domain assembly. Fails loudly if Load is renamed.
    private static readonly Func<ReferenceCatalog> LoadFresh =
        (typeof(ReferenceCatalog).GetMethod("Load", BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new MissingMethodException(nameof(ReferenceCatalog), "Load"))
        .CreateDelegate<Func<ReferenceCatalog>>();

    [Benchmark]
    public int LoadCatalog() => LoadFresh().LocationCount;
}

/// <summary>
/// The first <see cref="ReferenceCatalog.Default"/> access in a new process, JIT included: what the first request
/// after a node start pays. Each launch is a new process measured once, so the static cache never hides the load.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class ReferenceDataColdStartBenchmarks
{
    [Benchmark]
    public int FirstAccessInNewProcess() => ReferenceCatalog.Default.LocationCount;
}
