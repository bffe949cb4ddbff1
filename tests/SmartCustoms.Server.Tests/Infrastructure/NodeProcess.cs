using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SmartCustoms.Server.Tests.Infrastructure;

/// <summary>The built node run as a real process on 127.0.0.1, for what only a real process shows (a kill -9).</summary>
public sealed class NodeProcess : IAsyncDisposable
{
    /// <summary>The bootstrap admin key of every test node (also compiled into the browser tests, which start this node too).</summary>
    public const string AdminKey = "sck_test-admin-key-0123456789abcdefghijklmnop";

    private readonly Process _process;

    private NodeProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <param name="settings">Configuration on top of the defaults, e.g. <c>SmartCustoms:NodeId</c>.</param>
    /// <param name="port">The port to listen on (a restarted node keeps its address); a free one when not given.</param>
    public static async Task<NodeProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null, int? port = null)
    {
        port ??= FreePort();
        var start = StartInfo(dataDirectory, settings, $"http://127.0.0.1:{port}");
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var node = new NodeProcess(process, new Uri($"http://127.0.0.1:{port}"));
        await node.WaitUntilHealthyAsync();
        return node;
    }

    /// <summary>Runs the node until it exits by itself (it cannot start), with what it printed.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunUntilExitAsync(
        string dataDirectory, IReadOnlyDictionary<string, string>? settings = null, string? urls = null)
    {
        using var process = Process.Start(StartInfo(dataDirectory, settings, urls ?? $"http://127.0.0.1:{FreePort()}"))
            ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The node was expected to exit but still ran after 60 s.");
        }

        return (process.ExitCode, await output, await error);
    }

    private static ProcessStartInfo StartInfo(string dataDirectory, IReadOnlyDictionary<string, string>? settings, string urls)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SmartCustoms.Server.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(urls);
        start.Environment["SmartCustoms__DataDirectory"] = dataDirectory;
        start.Environment["SmartCustoms__BootstrapAdminKey"] = AdminKey;
        start.Environment["SmartCustoms__NodeId"] = "GB";
        start.Environment["SmartCustoms__Risk__LoadExamples"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    public HttpClient Client(string? apiKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; what the database has committed is all that survives.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        await Task.CompletedTask;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = Client(null);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The node exited with code {_process.ExitCode} before it was healthy.");
            }

            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The node did not become healthy within 60 s.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
