using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using SmartCustoms.Benchmarks.Lodging;

// The lodging benchmark starts this same assembly as its bare Kestrel ceiling.
if (args is [BareKestrel.Flag, .. var serverArgs])
{
    await BareKestrel.RunAsync(serverArgs).ConfigureAwait(false);
    return;
}

// BenchmarkDotNet runs each benchmark from a generated project in another folder and process: tell those processes
// where the built node is and where the results go (they inherit this environment).
var artifacts = Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts");
Environment.SetEnvironmentVariable(ServerProcess.BinVariable, AppContext.BaseDirectory);
Environment.SetEnvironmentVariable(LatencyReport.ArtifactsVariable, artifacts);
Environment.SetEnvironmentVariable(LatencyReport.RunVariable, DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture));

BenchmarkSwitcher.FromAssembly(typeof(LodgingBenchmarks).Assembly)
    .Run(args, DefaultConfig.Instance.WithArtifactsPath(artifacts));
