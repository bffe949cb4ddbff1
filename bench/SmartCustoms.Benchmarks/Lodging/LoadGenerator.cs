using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace SmartCustoms.Benchmarks.Lodging;

/// <summary>One batch of declarations: every request's latency, the wall time, and the CPU it cost.</summary>
public sealed record Round(long[] LatencyTicks, TimeSpan Elapsed, CpuUsage Cpu);

/// <summary>
/// Lodges declarations with unique LRNs over one HTTP/1.1 connection per request in flight, keeping a fixed
/// number in flight, and times each request from send to the last byte of the answer.
/// </summary>
public sealed class LoadGenerator(Uri baseAddress, string? apiKey) : IDisposable
{
    private static readonly Uri Declarations = new("api/declarations", UriKind.Relative);

    private readonly HttpClient _client = CreateClient(baseAddress, apiKey);
    private readonly SampleDeclarations.Template _template = new();
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private int _sequence;

    /// <summary>Creates a trader key for the sample declarant through the API, as an administrator would.</summary>
    public static async Task<string> CreateTraderKeyAsync(Uri baseAddress, string adminKey)
    {
        using var admin = CreateClient(baseAddress, adminKey);
        using var created = await admin.PostAsJsonAsync(new Uri("api/keys", UriKind.Relative),
            new { role = "trader", partyId = SampleDeclarations.Declarant, name = "benchmark" }).ConfigureAwait(false);
        created.EnsureSuccessStatusCode();
        var body = await created.Content.ReadFromJsonAsync<JsonElement>().ConfigureAwait(false);
        return body.GetProperty("key").GetString() ?? throw new InvalidOperationException("POST /api/keys answered without a key.");
    }

    public async Task<Round> RunAsync(int count, int concurrency, ServerProcess server, CpuProbe cpu)
    {
        var latencies = new long[count];
        var next = -1;
        var cpuBefore = cpu.Take();
        var started = Stopwatch.GetTimestamp();
        var workers = new Task[concurrency];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count)
                {
                    latencies[i] = await SendOneAsync().ConfigureAwait(false);
                }
            });
        }

        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new InvalidOperationException($"Lodging failed ({ex.Message}); {server.Status()}", ex);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        return new Round(latencies, elapsed, CpuProbe.Between(cpuBefore, cpu.Take()));
    }

    public void Dispose() => _client.Dispose();

    private async Task<long> SendOneAsync()
    {
        var lrn = string.Create(CultureInfo.InvariantCulture, $"BENCH-{_runId}-{Interlocked.Increment(ref _sequence)}");
        using var content = new ByteArrayContent(_template.Body(lrn));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var sent = Stopwatch.GetTimestamp();
        using var response = await _client.PostAsync(Declarations, content).ConfigureAwait(false);
        var took = Stopwatch.GetTimestamp() - sent;
        if (response.StatusCode != HttpStatusCode.Created)
        {
            // A refused or failed lodging would be timed as a fast one: stop the run instead.
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"Lodging {lrn} answered {(int)response.StatusCode}: {body}");
        }

        return took;
    }

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
