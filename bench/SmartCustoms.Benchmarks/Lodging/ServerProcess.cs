using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SmartCustoms.Benchmarks.Lodging;

/// <summary>
/// A server under test in a child process of its own, as it runs in production: its thread pool and GC do not
/// share a process with the load generator (they still share the machine's cores).
/// </summary>
public sealed class ServerProcess : IDisposable
{
    /// <summary>Set by the host: BenchmarkDotNet runs each benchmark from a generated project elsewhere.</summary>
    public const string BinVariable = "SMARTCUSTOMS_BENCH_BIN";

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private bool _disposed;

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>User plus system CPU the server has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The most memory the server has held at once since it started (peak working set; VmHWM on Linux).</summary>
    public long PeakWorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.PeakWorkingSet64;
        }
    }

    /// <summary>The memory the server holds now (working set; VmRSS on Linux).</summary>
    public long WorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>Bytes the server has caused to be written to storage (/proc/PID/io write_bytes); 0 where unknown.</summary>
    public long DiskWriteBytes
    {
        get
        {
            try
            {
                var line = File.ReadLines($"/proc/{_process.Id}/io").FirstOrDefault(l => l.StartsWith("write_bytes:", StringComparison.Ordinal));
                return line is null ? 0 : long.Parse(line.AsSpan("write_bytes:".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return 0;
            }
        }
    }

    /// <summary>For an error message when requests fail: whether the server died, and what it last printed.</summary>
    public string Status() => _process.HasExited
        ? $"the server exited with code {_process.ExitCode}; its last output:\n{Tail()}"
        : $"the server is still running; its last output:\n{Tail()}";

    public static string BinDirectory => Environment.GetEnvironmentVariable(BinVariable) is { Length: > 0 } bin ? bin : AppContext.BaseDirectory;

    /// <summary>
    /// Starts <c>dotnet {dll} --urls http://127.0.0.1:{free port}</c> and waits until GET <paramref name="healthPath"/>
    /// answers 200 (readiness by default; <c>health/live</c> for the moment the process first answers).
    /// </summary>
    public static async Task<ServerProcess> StartAsync(
        string dll, IEnumerable<string> extraArguments, IReadOnlyDictionary<string, string> environment, string healthPath = "health")
    {
        var path = Path.Combine(BinDirectory, dll);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing: build the benchmarks project first.", path);
        }

        var url = "http://127.0.0.1:" + FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo(DotnetHost())
        {
            // Content root is the working directory: the node finds its appsettings.json beside its dll.
            WorkingDirectory = BinDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(path);
        foreach (var argument in extraArguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var server = new ServerProcess(process, new Uri(url + "/"));
        // Unread pipes fill up and block the child; the tail is kept for the error message if it dies.
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitHealthyAsync(healthPath, TimeSpan.FromSeconds(90)).ConfigureAwait(false);
        }
        catch
        {
            server.Dispose();
            throw;
        }

        return server;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private async Task WaitHealthyAsync(string healthPath, TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode}:\n{Tail()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(healthPath, UriKind.Relative)).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!_process.HasExited)
            {
                // Listening but slow to answer (a starting process on a busy machine): ask again until the deadline.
            }

            await Task.Delay(25).ConfigureAwait(false);
        }

        throw new TimeoutException($"The server did not become healthy within {timeout.TotalSeconds} s:\n{Tail()}");
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
            if (_output.Count > 50)
            {
                _output.Dequeue();
            }
        }
    }

    private string Tail()
    {
        lock (_output)
        {
            return string.Join('\n', _output);
        }
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
