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
public sealed class LoadGenerator(Uri baseAddress, string? apiKey, SampleDeclarations.Template template) : IDisposable
{
    private static readonly Uri Declarations = new("api/declarations", UriKind.Relative);

    private readonly HttpClient _client = CreateClient(baseAddress, apiKey);
    private readonly SampleDeclarations.Template _template = template;
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private int _sequence;

    /// <summary>Creates a trader key for the sample declarant through the API, as an administrator would.</summary>
    public static async Task<string> CreateTraderKeyAsync(Uri baseAddress, string adminKey, string partyId = SampleDeclarations.Declarant)
    {
        using var admin = CreateClient(baseAddress, adminKey);
        using var created = await admin.PostAsJsonAsync(new Uri("api/keys", UriKind.Relative),
            new { role = "trader", partyId, name = "benchmark" }).ConfigureAwait(false);
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

    /// <summary>
    /// Lodges with <paramref name="concurrency"/> in flight until <paramref name="until"/> (a Stopwatch timestamp) and
    /// counts the declarations answered by then; requests still in flight at that moment finish but are not counted.
    /// </summary>
    public async Task<int> RunUntilAsync(long until, int concurrency, ServerProcess server)
    {
        var answered = 0;
        var workers = new Task[concurrency];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                while (Stopwatch.GetTimestamp() < until)
                {
                    await SendOneAsync().ConfigureAwait(false);
                    if (Stopwatch.GetTimestamp() <= until)
                    {
                        Interlocked.Increment(ref answered);
                    }
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

        return answered;
    }

    public void Dispose() => _client.Dispose();

    private async Task<long> SendOneAsync()
    {
        var lrn = string.Create(CultureInfo.InvariantCulture, $"BENCH-{_runId}-{Interlocked.Increment(ref _sequence)}");
        using var content = new ByteArrayContent(_template.Body(lrn));
        content.Headers.ContentType = new MediaTypeHeaderValue(_template.MediaType);
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
