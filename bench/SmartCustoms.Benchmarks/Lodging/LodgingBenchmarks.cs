using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SmartCustoms.Benchmarks.Lodging;

/// <summary>
/// POST /api/declarations against the real node in a child process, over loopback HTTP/1.1, at a fixed number of
/// requests in flight; and the same load against a bare Kestrel endpoint, the ceiling of this machine.
/// One operation is one declaration: Mean is the inverse of throughput, Op/s is declarations per second.
/// </summary>
[Config(typeof(Config))]
public class LodgingBenchmarks : IDisposable
{
    /// <summary>Declarations per iteration: large enough that the ramp-up and tail of a round are a small part.</summary>
    public const int Batch = 2000;
    private const int WarmupRounds = 2;
    private const int MeasuredRounds = 6;

    public const string Sqlite = "sqlite";
    public const string SqliteTmpfs = "sqlite-tmpfs";
    public const string Postgres = "postgres";
    public const string Bare = "bare-kestrel";

    public const string Json = "json";
    public const string Xml = "xml";

    /// <summary>The start-up figure: declarations per second over this long after the server first answers /health/live.</summary>
    private static readonly TimeSpan FirstWindow = TimeSpan.FromSeconds(10);

    // Tiered JIT keeps recompiling the node's request path for 10 to 20 s of full load on this machine (node CPU fell
    // from 1,250 to 330 µs per declaration); BenchmarkDotNet's warm-up counts rounds, so this one counts seconds.
    private static readonly TimeSpan WarmupTime = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("SMARTCUSTOMS_BENCH_WARMUP_SECONDS"), CultureInfo.InvariantCulture, out var s) ? s : 20);

    private readonly List<Round> _rounds = [];
    private double _firstWindowPerSecond;

    // When the server first answered /health/live: the start of the first window and of the warm-up.
    private long _live;
    private string _dataDirectory = "";
    private PostgresDatabase? _database;
    private ServerProcess? _server;
    private LoadGenerator? _load;
    private CpuProbe? _cpu;

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // Monitoring: no pilot and no overhead stage, every iteration is one batch; a macro benchmark like this
            // one has no per-call overhead worth subtracting.
            var job = Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(WarmupRounds)
                .WithIterationCount(MeasuredRounds).WithInvocationCount(1).WithUnrollFactor(1);
            // BenchmarkDotNet's --inProcess adds a job of its own beside this one (default strategy, many rounds);
            // SMARTCUSTOMS_BENCH_INPROCESS=1 runs this job in the host process instead.
            AddJob(Environment.GetEnvironmentVariable("SMARTCUSTOMS_BENCH_INPROCESS") == "1" ? job.WithToolchain(InProcessEmitToolchain.Instance) : job);
            AddColumn(StatisticColumn.OperationsPerSecond);
            AddColumn(LodgingColumn.All);
        }
    }

    [ParamsSource(nameof(Targets))]
    public string Target { get; set; } = Sqlite;

    [ParamsSource(nameof(Concurrencies))]
    public int Concurrency { get; set; }

    /// <summary>The body lodged: <c>json</c> (the four-item declaration, 1.6 KB) or <c>xml</c> (the 17 KB WCO DMS import sample).</summary>
    [ParamsSource(nameof(Bodies))]
    public string Body { get; set; } = Json;

    /// <summary>json and xml, or the comma-separated list in SMARTCUSTOMS_BENCH_BODIES.</summary>
    public static IEnumerable<string> Bodies() =>
        Environment.GetEnvironmentVariable("SMARTCUSTOMS_BENCH_BODIES") is { Length: > 0 } list ? list.Split(',') : [Json, Xml];

    /// <summary>Requests in flight: 8 and 32, or the comma-separated list in SMARTCUSTOMS_BENCH_CONCURRENCY.</summary>
    public static IEnumerable<int> Concurrencies() =>
        Environment.GetEnvironmentVariable("SMARTCUSTOMS_BENCH_CONCURRENCY") is { Length: > 0 } list
            ? list.Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))
            : [8, 32];

    /// <summary>PostgreSQL when SMARTCUSTOMS_BENCH_POSTGRES is set; SQLite on tmpfs (fsync free) when SMARTCUSTOMS_BENCH_TMPFS=1.</summary>
    public static IEnumerable<string> Targets()
    {
        yield return Sqlite;
        if (Environment.GetEnvironmentVariable("SMARTCUSTOMS_BENCH_TMPFS") == "1")
        {
            yield return SqliteTmpfs;
        }

        if (PostgresDatabase.Configured is not null)
        {
            yield return Postgres;
        }

        yield return Bare;
    }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        try
        {
            await StartAsync().ConfigureAwait(false);
        }
        catch
        {
            // BenchmarkDotNet skips the cleanup of a failed setup: a node left running would skew the next cases.
            await ReleaseAsync().ConfigureAwait(false);
            throw;
        }

        _cpu = new CpuProbe(_server!, _database?.Name);
        var first = await _load!.RunUntilAsync(_live + (long)(FirstWindow.TotalSeconds * Stopwatch.Frequency), Concurrency, _server!).ConfigureAwait(false);
        _firstWindowPerSecond = first / FirstWindow.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// lodging {Name}: {first} declarations in the first {FirstWindow.TotalSeconds:F0} s after /health/live ({_firstWindowPerSecond:F0} decl/s)"));
        while (Stopwatch.GetElapsedTime(_live) < WarmupTime || _rounds.Count == 0)
        {
            await Lodge().ConfigureAwait(false);
        }

        Console.WriteLine($"// lodging {Name} warmed up with {_rounds.Count * Batch} declarations after the first window: {Describe(_rounds[^1])}");
        _rounds.Clear();
    }

    private string Name => $"{Target}/{Body}/{Concurrency}";

    private async Task StartAsync()
    {
        var template = new SampleDeclarations.Template(xml: Body == Xml);
        if (Target == Bare)
        {
            _server = await ServerProcess.StartAsync("SmartCustoms.Benchmarks.dll", [BareKestrel.Flag], new Dictionary<string, string>(), "health/live").ConfigureAwait(false);
            _live = Stopwatch.GetTimestamp();
            _load = new LoadGenerator(_server.BaseAddress, apiKey: null, template);
        }
        else
        {
            var adminKey = "sck_bench-admin-" + Guid.NewGuid().ToString("N");
            // /dev/shm is tmpfs: fsync returns at once there, so the difference to the disk case is the cost of durability.
            var root = Target == SqliteTmpfs ? "/dev/shm" : Path.GetTempPath();
            _dataDirectory = Path.Combine(root, "sc-bench-" + Guid.NewGuid().ToString("N")[..8]);
            var environment = new Dictionary<string, string>
            {
                ["SmartCustoms__DataDirectory"] = _dataDirectory,
                ["SmartCustoms__BootstrapAdminKey"] = adminKey,
                ["SmartCustoms__Storage__Provider"] = Target == Postgres ? "postgres" : "sqlite",
                ["SmartCustoms__NodeId"] = "GB",
            };
            if (Target == Postgres)
            {
                _database = await PostgresDatabase.CreateAsync(PostgresDatabase.Configured!).ConfigureAwait(false);
                environment["ConnectionStrings__SmartCustoms"] = _database.ConnectionString;
            }

            _server = await ServerProcess.StartAsync("SmartCustoms.Server.dll", [], environment, "health/live").ConfigureAwait(false);
            _live = Stopwatch.GetTimestamp();
            // Creating the key is part of the first window: a client cannot lodge before it either.
            var key = await LoadGenerator.CreateTraderKeyAsync(_server.BaseAddress, adminKey, template.Declarant).ConfigureAwait(false);
            _load = new LoadGenerator(_server.BaseAddress, key, template);
        }
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task Lodge() => _rounds.Add(await _load!.RunAsync(Batch, Concurrency, _server!, _cpu!).ConfigureAwait(false));

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        // Monitoring runs BenchmarkDotNet's warm-up rounds first and the measured ones last; nothing runs after them.
        var measured = _rounds.TakeLast(MeasuredRounds).ToList();
        for (var r = 0; r < _rounds.Count; r++)
        {
            var warmup = r < _rounds.Count - measured.Count ? " (warm-up)" : "";
            Console.WriteLine($"// lodging {Name} round {r + 1}{warmup}: {Describe(_rounds[r])}");
        }

        // BenchmarkDotNet cleans up after a failed run too: a partial run is not a result.
        if (_rounds.Count == WarmupRounds + MeasuredRounds)
        {
            var figures = LatencyReport.Summarise(Target, Body, Concurrency, [.. measured.Select(r => r.LatencyTicks)],
                TimeSpan.FromTicks(measured.Sum(r => r.Elapsed.Ticks)), CpuUsage.Sum([.. measured.Select(r => r.Cpu)]), _firstWindowPerSecond);
            LatencyReport.Record(figures);
            Console.WriteLine($"// lodging {figures.Key}: {LatencyReport.Format(figures)}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// lodging {figures.Key}: first {FirstWindow.TotalSeconds:F0} s {figures.FirstTenSecondsPerSecond:F0} decl/s = {figures.FirstTenSecondsPerSecond / figures.PerSecond:F2} of warm {figures.PerSecond:F0} decl/s"));
            Console.WriteLine($"// lodging latency table: {LatencyReport.FilePath}");
        }

        await ReleaseAsync().ConfigureAwait(false);
    }

    private async Task ReleaseAsync()
    {
        Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync().ConfigureAwait(false);
            _database = null;
        }

        if (_dataDirectory.Length > 0 && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    public void Dispose()
    {
        _load?.Dispose();
        _server?.Dispose();
        GC.SuppressFinalize(this);
    }

    // Per round, so that a node still warming up (tiered JIT) shows as a falling CPU cost.
    private static string Describe(Round round) => string.Create(CultureInfo.InvariantCulture,
        $"{round.LatencyTicks.Length / round.Elapsed.TotalSeconds:F0} decl/s, node CPU {round.Cpu.Server.TotalMicroseconds / round.LatencyTicks.Length:F0} µs/decl, PostgreSQL CPU {round.Cpu.Database.TotalMicroseconds / round.LatencyTicks.Length:F0} µs/decl");
}
