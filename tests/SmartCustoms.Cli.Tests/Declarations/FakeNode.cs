using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SmartCustoms.Cli.Tests.Declarations;

/// <summary>
/// A stand-in for a node's lodging endpoint on a real socket: records what the CLI sent and answers with a canned
/// status and body, so the CLI's HTTP side is tested without a server build.
/// </summary>
public sealed class FakeNode : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<Request, (int Status, string ContentType, string Body)> _answer;
    private readonly Task _loop;

    public FakeNode(Func<Request, (int Status, string ContentType, string Body)> answer)
    {
        _answer = answer;
        Url = $"http://127.0.0.1:{FreePort()}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public sealed record Request(string Method, string Path, string? ContentType, string? Authorization, string Body);

    public string Url { get; }
    public ConcurrentQueue<Request> Requests { get; } = new();

    /// <summary>A port that nothing listens on, at least for the moment after this returns.</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var request = new Request(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.ContentType,
                context.Request.Headers["Authorization"], await reader.ReadToEndAsync());
            Requests.Enqueue(request);
            var (status, contentType, body) = _answer(request);
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
