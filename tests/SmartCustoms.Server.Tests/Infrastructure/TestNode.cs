using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SmartCustoms.Server.Risk;

namespace SmartCustoms.Server.Tests.Infrastructure;

/// <summary>A whole node in process over a database of its own, driven through HTTP like any client.</summary>
public sealed class TestNode : WebApplicationFactory<Program>
{
    public const string AdminKey = NodeProcess.AdminKey;

    /// <summary>Setting read by the test node only: seeds the random selection; without it no declaration is selected at random.</summary>
    public const string RandomSeedSetting = "Test:RiskRandomSeed";

    /// <summary>Setting read by the test node only: the host environment, "Testing" unless given (e.g. "Development").</summary>
    public const string EnvironmentSetting = "Test:Environment";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    private TestNode(Dictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        _settings = settings;
        _services = services;
    }

    public string DataDirectory => _settings["SmartCustoms:DataDirectory"]!;

    /// <summary>Starts a node; several nodes made with the same <paramref name="shareWith"/> use one database.</summary>
    /// <param name="services">Replaces services of the node, e.g. where its outgoing HTTP calls go.</param>
    public static async Task<TestNode> StartAsync(
        string provider, TestNode? shareWith = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var config = shareWith is not null
            ? new Dictionary<string, string?>(shareWith._settings, StringComparer.Ordinal)
            : new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["SmartCustoms:DataDirectory"] = Path.Combine(Path.GetTempPath(), "sc-node-" + Guid.NewGuid().ToString("N")),
                ["SmartCustoms:Storage:Provider"] = provider,
                ["SmartCustoms:BootstrapAdminKey"] = AdminKey,
                ["SmartCustoms:NodeId"] = "GB",
                // Most tests walk the lifecycle by hand; the tests of selectivity switch automatic release back on.
                ["SmartCustoms:Risk:AutoRelease"] = "false",
                // Most tests set up the criteria they test; the tests of a first start switch the shipped examples back on.
                ["SmartCustoms:Risk:LoadExamples"] = "false",
                ["ConnectionStrings:SmartCustoms"] = provider == Databases.Postgres ? await Databases.CreatePostgresAsync() : "",
            };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var node = new TestNode(config, services);
        _ = node.Server; // start now, so that migrations and the bootstrap run before the test acts
        return node;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment(_settings.GetValueOrDefault(EnvironmentSetting) ?? "Testing");
        var seed = _settings.GetValueOrDefault(RandomSeedSetting);
        builder.ConfigureTestServices(services => services.AddSingleton(
            seed is null ? new RiskRandom(new NeverBelow()) : new RiskRandom(new Random(int.Parse(seed, System.Globalization.CultureInfo.InvariantCulture)))));
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    /// <summary>Draws just below 1: no random rate selects it, so lanes follow the criteria alone.</summary>
    private sealed class NeverBelow : Random
    {
        public override double NextDouble() => 0.999_999;
    }

    public HttpClient Client(string? apiKey)
    {
        var client = CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    public HttpClient Admin() => Client(AdminKey);

    /// <summary>Creates a key through the API, as an administrator would, and returns a client using it.</summary>
    public async Task<HttpClient> ClientForAsync(string role, string? party = null)
    {
        using var admin = Admin();
        var response = await admin.PostAsJsonAsync("/api/keys", new { role, partyId = party, name = $"{role} {party}" });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<CreatedKey>();
        return Client(created!.Key);
    }

    public Task<HttpClient> TraderAsync(string party) => ClientForAsync("trader", party);

    public Task<HttpClient> OfficerAsync() => ClientForAsync("officer");

    private sealed record CreatedKey(string Id, string Key);
}
