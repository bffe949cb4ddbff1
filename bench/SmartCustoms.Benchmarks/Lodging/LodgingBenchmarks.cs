using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace SmartCustoms.Benchmarks.Lodging;

/// <summary>
/// POST /api/declarations against the real node in a child process, over loopback HTTP/1.1, at a fixed number of
/// requests in flight; and the same load against a bare Kestrel endpoint, the ceiling of this machine.
/// One operation is one declaration: Mean is the inverse of throughput, Op/s is declarations per second.
/// </summary>
[Config(typeof(Config))]
public class LodgingBenchmarks
{
    /// <summary>Declarations per iteration: large enough that the ramp-up and tail of a round are a small part.</summary>
    public const int Batch = 2000;
    private static readonly int WarmupRounds =
        int.TryParse(Environment.GetEnvironmentVariable("SMARTCUSTOMS_BENCH_WARMUP_ROUNDS"), CultureInfo.InvariantCulture, out var rounds) ? rounds : 3;
    private const int MeasuredRounds = 6;

    public const string Sqlite = "sqlite";
    public const string SqliteTmpfs = "sqlite-tmpfs";
    public const string Postgres = "postgres";
    public const string Bare = "bare-kestrel";

    private readonly List<Round> _rounds = [];
    private readonly SampleDeclarations.Template _template = new();
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private int _sequence;
    private string _dataDirectory = "";
    private PostgresDatabase? _database;
    private ServerProcess? _server;
    private HttpClient? _client;

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // Monitoring: no pilot and no overhead stage, every iteration is one batch; a macro benchmark like this
            // one has no per-call overhead worth subtracting.
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(WarmupRounds)
                .WithIterationCount(MeasuredRounds).WithInvocationCount(1).WithUnrollFactor(1));
            AddColumn(StatisticColumn.OperationsPerSecond);
            AddColumn(LodgingColumn.All);
        }
    }

    private sealed record Round(long[] LatencyTicks, TimeSpan Elapsed, CpuUsage Cpu);

    [ParamsSource(nameof(Targets))]
    public string Target { get; set; } = Sqlite;

    [Params(8, 32)]
    public int Concurrency { get; set; }

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
        if (Target == Bare)
        {
            _server = await ServerProcess.StartAsync("SmartCustoms.Benchmarks.dll", [BareKestrel.Flag], new Dictionary<string, string>()).ConfigureAwait(false);
            _client = CreateClient(_server.BaseAddress, apiKey: null);
            return;
        }

        var adminKey = "sck_bench-admin-" + Guid.NewGuid().ToString("N");
        // /dev/shm is tmpfs: fsync returns at once there, so the difference to the disk case is the cost of durability.
        var root = Target == SqliteTmpfs ? "/dev/shm" : Path.GetTempPath();
        _dataDirectory = Path.Combine(root, "sc-bench-" + _runId);
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

        _server = await ServerProcess.StartAsync("SmartCustoms.Server.dll", [], environment).ConfigureAwait(false);
        using (var admin = CreateClient(_server.BaseAddress, adminKey))
        {
            using var created = await admin.PostAsJsonAsync(new Uri("api/keys", UriKind.Relative),
                new { role = "trader", partyId = SampleDeclarations.Declarant, name = "benchmark" }).ConfigureAwait(false);
            created.EnsureSuccessStatusCode();
            var key = (await created.Content.ReadFromJsonAsync<JsonElement>().ConfigureAwait(false)).GetProperty("key").GetString();
            _client = CreateClient(_server.BaseAddress, key);
        }
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task Lodge()
    {
        var latencies = new long[Batch];
        var next = -1;
        var cpuBefore = CpuUsage.Snapshot.Take(_server!);
        var started = Stopwatch.GetTimestamp();
        var workers = new Task[Concurrency];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < Batch)
                {
                    latencies[i] = await SendOneAsync().ConfigureAwait(false);
                }
            });
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        _rounds.Add(new Round(latencies, elapsed, CpuUsage.Snapshot.Take(_server!).Since(cpuBefore)));
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        // Monitoring runs warm-up rounds first and the measured ones last; nothing runs after them.
        var measured = _rounds.TakeLast(MeasuredRounds).ToList();
        for (var r = 0; r < _rounds.Count; r++)
        {
            // Per round, so that a node still warming up (tiered JIT) shows as a falling CPU cost.
            var round = _rounds[r];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// lodging {Target}/{Concurrency} round {r + 1}{(r < _rounds.Count - measured.Count ? " (warm-up)" : "")}: {Batch / round.Elapsed.TotalSeconds:F0} decl/s, node CPU {round.Cpu.Server.TotalMicroseconds / Batch:F0} µs/decl"));
        }

        if (measured.Count > 0)
        {
            var figures = LatencyReport.Summarise(Target, Concurrency, [.. measured.Select(r => r.LatencyTicks)],
                TimeSpan.FromTicks(measured.Sum(r => r.Elapsed.Ticks)), CpuUsage.Sum(measured.Select(r => r.Cpu)));
            LatencyReport.Record(figures);
            Console.WriteLine($"// lodging {figures.Key}: {LatencyReport.Format(figures)}");
            Console.WriteLine($"// lodging latency table: {LatencyReport.FilePath}");
        }

        _client?.Dispose();
        _server?.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync().ConfigureAwait(false);
        }

        if (_dataDirectory.Length > 0 && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private async Task<long> SendOneAsync()
    {
        var lrn = string.Create(CultureInfo.InvariantCulture, $"BENCH-{_runId}-{Interlocked.Increment(ref _sequence)}");
        using var content = new ByteArrayContent(_template.Body(lrn));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var sent = Stopwatch.GetTimestamp();
        using var response = await _client!.PostAsync(Declarations, content).ConfigureAwait(false);
        var took = Stopwatch.GetTimestamp() - sent;
        if (response.StatusCode != HttpStatusCode.Created)
        {
            // A refused or failed lodging would be timed as a fast one: stop the run instead.
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"{Target}: lodging {lrn} answered {(int)response.StatusCode}: {body}");
        }

        return took;
    }

    private static readonly Uri Declarations = new("api/declarations", UriKind.Relative);

    private static HttpClient CreateClient(Uri baseAddress, string? apiKey)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1024,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            UseProxy = false,
            AllowAutoRedirect = false,
        };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }
}
