using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SmartCustoms.Server.Exchange;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Exchange;

/// <summary>
/// Where the nodes' outgoing exchange calls go. Two in-process nodes cannot reach each other over a socket, so each
/// node's delivery client (the named client <see cref="DeliveryService.HttpClientName"/>) is routed by host name to
/// the other node's in-memory server: the whole HTTP pipeline of the receiver runs (routing, authorization, body
/// limits), and a node can be taken "down" (connection refused) and brought back, or restarted on its database.
/// </summary>
public sealed class LoopbackRouter
{
    private readonly Dictionary<string, TestNode> _nodes = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _down = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TimeSpan> _delays = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _calls = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    public static string BaseUrl(string nodeId) => $"http://{nodeId.ToLowerInvariant()}.exchange.test";

    /// <summary>The node's settings and services: its id, base URL, quick retries, deliveries through this router.</summary>
    /// <param name="settings">More settings on top of those, e.g. a short <c>ClaimLease</c>.</param>
    public Task<TestNode> StartAsync(string provider, string nodeId, TestNode? restartOf = null, IDictionary<string, string?>? settings = null)
    {
        var defaults = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["SmartCustoms:NodeId"] = nodeId,
            ["SmartCustoms:Exchange:BaseUrl"] = BaseUrl(nodeId),
            ["SmartCustoms:Exchange:RetryInitial"] = "00:00:00.100",
            ["SmartCustoms:Exchange:RetryMax"] = "00:00:00.500",
            ["SmartCustoms:Exchange:PollInterval"] = "00:00:00.500",
            ["SmartCustoms:Exchange:RequestTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            defaults[key] = value;
        }

        return StartAsync(provider, nodeId, restartOf, defaults);
    }

    private async Task<TestNode> StartAsync(string provider, string nodeId, TestNode? restartOf, Dictionary<string, string?> settings)
    {
        var node = await TestNode.StartAsync(provider, restartOf, settings, services => services
            .AddHttpClient(DeliveryService.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new RoutedHandler(this)));
        lock (_lock)
        {
            _nodes[new Uri(BaseUrl(nodeId)).Host] = node;
        }

        return node;
    }

    /// <summary>Calls to the node are refused as by a closed port until <see cref="Up"/>.</summary>
    public void Down(string nodeId)
    {
        lock (_lock)
        {
            _down.Add(new Uri(BaseUrl(nodeId)).Host);
        }
    }

    public void Up(string nodeId)
    {
        lock (_lock)
        {
            _down.Remove(new Uri(BaseUrl(nodeId)).Host);
        }
    }

    /// <summary>Calls to the node wait this long before they reach it (<see cref="Timeout.InfiniteTimeSpan"/>: until the caller gives up); zero: no wait.</summary>
    public void Delay(string nodeId, TimeSpan wait)
    {
        lock (_lock)
        {
            _delays[new Uri(BaseUrl(nodeId)).Host] = wait;
        }
    }

    /// <summary>How many calls were made to the node (whether they reached it or not).</summary>
    public int Calls(string nodeId)
    {
        lock (_lock)
        {
            return _calls.GetValueOrDefault(new Uri(BaseUrl(nodeId)).Host);
        }
    }

    private (HttpMessageHandler? Target, TimeSpan Delay) Route(Uri uri)
    {
        lock (_lock)
        {
            _calls[uri.Host] = _calls.GetValueOrDefault(uri.Host) + 1;
            var target = !_down.Contains(uri.Host) && _nodes.TryGetValue(uri.Host, out var node) ? node.Server.CreateHandler() : null;
            return (target, _delays.GetValueOrDefault(uri.Host));
        }
    }

    private sealed class RoutedHandler(LoopbackRouter router) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var (target, delay) = router.Route(request.RequestUri!);
            if (target is null)
            {
                throw new HttpRequestException($"Connection refused ({request.RequestUri!.Host} is down).");
            }

            using var invoker = new HttpMessageInvoker(target, disposeHandler: true);
            if (delay != TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken);
            }

            return await invoker.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Registers <paramref name="partner"/>'s card at <paramref name="at"/> with the given agreement.</summary>
    public static async Task<HttpResponseMessage> RegisterAsync(TestNode at, TestNode partner, JsonObject agreement)
    {
        using var anonymous = partner.Client(null);
        var card = await anonymous.GetFromJsonAsync<JsonObject>("/api/exchange/node-card");
        using var admin = at.Admin();
        return await admin.PostAsJsonAsync("/api/exchange/partners", new JsonObject { ["card"] = card, ["agreement"] = agreement });
    }
}
