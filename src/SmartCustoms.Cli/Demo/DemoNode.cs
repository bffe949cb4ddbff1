using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;

namespace SmartCustoms.Cli.Demo;

/// <summary>
/// A node of the demonstration: the built server (<c>SmartCustoms.Server.dll</c>, beside this tool) run as a child
/// process on 127.0.0.1 with an embedded database in a folder of its own and an administrator key made up for the run.
/// </summary>
internal sealed class DemoNode : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly HttpClient _admin;

    private DemoNode(string nodeId, Process process, Uri baseAddress, string adminKey)
    {
        NodeId = nodeId;
        _process = process;
        BaseAddress = baseAddress;
        _admin = Client(adminKey);
    }

    public string NodeId { get; }
    public Uri BaseAddress { get; }

    /// <summary>The administrator's client (keys, partners, messages).</summary>
    public HttpClient Admin => _admin;

    public static async Task<DemoNode> StartAsync(string nodeId, string dataDirectory, CancellationToken cancellationToken)
    {
        var server = Path.Combine(AppContext.BaseDirectory, "SmartCustoms.Server.dll");
        if (!File.Exists(server))
        {
            throw new DemoException($"The node is not built beside this tool ({server} is missing): run it with 'dotnet run --project src/SmartCustoms.Cli -- demo c2c'.");
        }

        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var adminKey = "sck_demo-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(server);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        start.Environment["SmartCustoms__NodeId"] = nodeId;
        start.Environment["SmartCustoms__DataDirectory"] = Path.Combine(dataDirectory, "data");
        start.Environment["SmartCustoms__BootstrapAdminKey"] = adminKey;
        start.Environment["SmartCustoms__Exchange__BaseUrl"] = baseAddress.ToString().TrimEnd('/');
        // Nothing is released before the officer has seen it: the demo shows lanes, not releases.
        start.Environment["SmartCustoms__Risk__AutoRelease"] = "false";
        // The demonstration shows the partners' checks alone: no example criteria join the reasons.
        start.Environment["SmartCustoms__Risk__LoadExamples"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new DemoException("dotnet did not start.");
        var node = new DemoNode(nodeId, process, baseAddress, adminKey);
        process.OutputDataReceived += (_, e) => node.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => node.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await node.WaitUntilHealthyAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await node.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return node;
    }

    public HttpClient Client(string apiKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    /// <summary>A key for <paramref name="role"/> (and the party a trader lodges for), made through the API as an administrator would.</summary>
    public async Task<HttpClient> KeyAsync(string role, string? party, CancellationToken cancellationToken)
    {
        var created = await ReadAsync(await _admin.PostAsJsonAsync("/api/keys", new { role, partyId = party, name = $"demo {role}" }, cancellationToken)
            .ConfigureAwait(false), "create a key", cancellationToken).ConfigureAwait(false);
        return Client(created.GetProperty("key").GetString()!);
    }

    /// <summary>The body of a successful answer, or a <see cref="DemoException"/> with the node's problem details.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new DemoException($"Could not {what}: {(int)response.StatusCode} {text}");
            }

            return text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > 40)
            {
                _output.Dequeue();
            }
        }
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new DemoException($"Node {NodeId} exited with code {_process.ExitCode}:\n{Tail()}");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Slow to answer while it starts.
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        throw new DemoException($"Node {NodeId} did not become healthy within {StartTimeout.TotalSeconds:0} s:\n{Tail()}");
    }

    private string Tail()
    {
        lock (_output)
        {
            return string.Join('\n', _output);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The demonstration could not go on; the message says why.</summary>
internal sealed class DemoException(string message) : Exception(message);
