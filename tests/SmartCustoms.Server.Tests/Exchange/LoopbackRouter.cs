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
    private readonly Lock _lock = new();

    public static string BaseUrl(string nodeId) => $"http://{nodeId.ToLowerInvariant()}.exchange.test";

    /// <summary>The node's settings and services: its id, base URL, quick retries, deliveries through this router.</summary>
    public Task<TestNode> StartAsync(string provider, string nodeId, TestNode? restartOf = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["SmartCustoms:NodeId"] = nodeId,
            ["SmartCustoms:Exchange:BaseUrl"] = BaseUrl(nodeId),
            ["SmartCustoms:Exchange:RetryInitial"] = "00:00:00.100",
            ["SmartCustoms:Exchange:RetryMax"] = "00:00:00.500",
            ["SmartCustoms:Exchange:PollInterval"] = "00:00:00.500",
            ["SmartCustoms:Exchange:RequestTimeout"] = "00:00:05",
        };
        return StartAsync(provider, nodeId, restartOf, settings);
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

    private HttpMessageHandler? Route(Uri uri)
    {
        lock (_lock)
        {
            return !_down.Contains(uri.Host) && _nodes.TryGetValue(uri.Host, out var node) ? node.Server.CreateHandler() : null;
        }
    }

    private sealed class RoutedHandler(LoopbackRouter router) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var target = router.Route(request.RequestUri!)
                ?? throw new HttpRequestException($"Connection refused ({request.RequestUri!.Host} is down).");
            using var invoker = new HttpMessageInvoker(target, disposeHandler: true);
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
