using System.Globalization;
using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using SmartCustoms.Benchmarks.Lodging;

namespace SmartCustoms.Benchmarks.Limits;

/// <summary>
/// An attacker's wave: <see cref="Parallel"/> bodies of <see cref="BodyMiB"/> MiB at once against the real node in a
/// child process, to an endpoint whose JSON the framework binds (an officer's reroute reason) and to lodging, with a
/// declared Content-Length and chunked. What matters is the node's peak working set, written per case to
/// <c>results/abusive-bodies.md</c>; Mean is the time the node takes to answer a whole wave.
/// </summary>
[Config(typeof(Config))]
public class AbusiveBodyBenchmarks : IDisposable
{
    public const int Parallel = 32;
    public const int BodyMiB = 60;

    private string _dataDirectory = "";
    private ServerProcess? _server;
    private HttpClient? _client;
    private long _startBytes;
    private readonly Dictionary<string, int> _answers = new(StringComparer.Ordinal);

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            var job = Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(0)
                .WithIterationCount(3).WithInvocationCount(1).WithUnrollFactor(1);
            // The node under attack is a child process either way; SMARTCUSTOMS_BENCH_INPROCESS=1 spares the build of a
            // benchmark process (which can outlast BenchmarkDotNet's build timeout on a busy machine).
            AddJob(Environment.GetEnvironmentVariable("SMARTCUSTOMS_BENCH_INPROCESS") == "1" ? job.WithToolchain(InProcessEmitToolchain.Instance) : job);
        }
    }

    /// <summary><c>reroute</c>: POST /api/declarations/{mrn}/reroute (bound by the framework); <c>lodging</c>: POST /api/declarations.</summary>
    [Params("reroute", "lodging")]
    public string Endpoint { get; set; } = "reroute";

    [Params("content-length", "chunked")]
    public string Framing { get; set; } = "content-length";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var adminKey = "sck_bench-admin-" + Guid.NewGuid().ToString("N");
        _dataDirectory = Path.Combine(Path.GetTempPath(), "sc-bench-" + Guid.NewGuid().ToString("N")[..8]);
        _server = await ServerProcess.StartAsync("SmartCustoms.Server.dll", [], new Dictionary<string, string>
        {
            ["SmartCustoms__DataDirectory"] = _dataDirectory,
            ["SmartCustoms__BootstrapAdminKey"] = adminKey,
            ["SmartCustoms__NodeId"] = "GB",
        }).ConfigureAwait(false);
        var key = Endpoint == "lodging"
            ? await LoadGenerator.CreateTraderKeyAsync(_server.BaseAddress, adminKey).ConfigureAwait(false)
            : await OfficerKeyAsync(_server.BaseAddress, adminKey).ConfigureAwait(false);
        _client = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        _startBytes = _server.WorkingSetBytes;
    }

    private static async Task<string> OfficerKeyAsync(Uri baseAddress, string adminKey)
    {
        using var admin = new HttpClient { BaseAddress = baseAddress };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        using var created = await admin.PostAsync(new Uri("api/keys", UriKind.Relative),
            new StringContent("{\"role\":\"officer\",\"name\":\"attacker\"}", System.Text.Encoding.UTF8, "application/json")).ConfigureAwait(false);
        created.EnsureSuccessStatusCode();
        using var body = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync().ConfigureAwait(false));
        return body.RootElement.GetProperty("key").GetString()!;
    }

    [Benchmark]
    public async Task Wave()
    {
        var path = Endpoint == "lodging" ? "api/declarations" : "api/declarations/26GB0000000000001/reroute";
        var head = Endpoint == "lodging" ? "{\"type\":\"IMA\",\"lrn\":\"" : "{\"lane\":\"red\",\"reason\":\"";
        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async _ =>
        {
            try
            {
                using var response = await _client!.PostAsync(new Uri(path, UriKind.Relative),
                    new FilledContent(head, (long)BodyMiB * 1024 * 1024, Framing == "chunked")).ConfigureAwait(false);
                return ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            }
            catch (HttpRequestException)
            {
                // The node answered and closed the connection before the client finished sending: refused all the same.
                return "closed";
            }
        })).ConfigureAwait(false);
        foreach (var answer in answers)
        {
            _answers[answer] = _answers.GetValueOrDefault(answer) + 1;
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var peak = _server!.PeakWorkingSetBytes;
        var after = _server.WorkingSetBytes;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"| {Endpoint} | {Framing} | {Parallel} x {BodyMiB} MiB | {_startBytes / 1048576.0:F0} | {peak / 1048576.0:F0} | {after / 1048576.0:F0} | " +
            $"{string.Join(", ", _answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} x{a.Value}"))} | {LatencyReport.Run} |");
        Console.WriteLine("// abusive bodies " + line);
        var file = Path.Combine(Path.GetDirectoryName(LatencyReport.FilePath)!, "abusive-bodies.md");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        if (!File.Exists(file))
        {
            File.WriteAllText(file, "| Endpoint | Framing | Wave | Node MiB at start | Peak MiB | MiB after | Answers | Run |\n|---|---|---|---:|---:|---:|---|---|\n");
        }

        File.AppendAllText(file, line + "\n");
        Dispose();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    public void Dispose()
    {
        _client?.Dispose();
        _server?.Dispose();
        GC.SuppressFinalize(this);
    }
}
