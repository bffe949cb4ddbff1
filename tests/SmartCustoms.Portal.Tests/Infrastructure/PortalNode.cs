using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Portal.Tests.Infrastructure;

/// <summary>A real node on 127.0.0.1 (the built server as a child process) with helpers that set the scene through its API.</summary>
public sealed class PortalNode : IAsyncDisposable
{
    private readonly NodeProcess _process;
    private readonly string _dataDirectory;

    private PortalNode(NodeProcess process, string dataDirectory)
    {
        _process = process;
        _dataDirectory = dataDirectory;
    }

    public Uri BaseAddress => _process.BaseAddress;

    public static async Task<PortalNode> StartAsync()
    {
        var data = Path.Combine(Path.GetTempPath(), "sc-portal-" + Guid.NewGuid().ToString("N"));
        return new PortalNode(await NodeProcess.StartAsync(data), data);
    }

    public HttpClient Client(string apiKey) => _process.Client(apiKey);

    /// <summary>Creates an API key as an administrator would and returns its secret.</summary>
    public async Task<string> KeyAsync(string role, string? party = null)
    {
        using var admin = _process.Client(NodeProcess.AdminKey);
        var response = await admin.PostAsJsonAsync("/api/keys", new { role, partyId = party, name = $"{role} {party}" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["key"]!.GetValue<string>();
    }

    public async Task AddCriterionAsync(string analystKey, string json)
    {
        using var analyst = _process.Client(analystKey);
        var response = await analyst.PostAsync("/api/risk/criteria", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public async Task<string> LodgeAsync(string traderKey, JsonObject declaration)
    {
        using var trader = _process.Client(traderKey);
        var response = await trader.PostAsJsonAsync("/api/declarations", declaration);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["mrn"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the stopped process: the temp folder is cleaned by the system.
        }
    }
}
