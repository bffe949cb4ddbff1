using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Server.Exchange;
using SmartCustoms.Server.Portal;
using SmartCustoms.Server.Tests.Infrastructure;
using SmartCustoms.Server.Tests.Portal;
using SmartCustoms.Storage.Secrets;

namespace SmartCustoms.Server.Tests.Hosting;

/// <summary>The node's secrets live in its database, encrypted: every server of the node signs and seals as the same node.</summary>
public sealed class SharedSecretsTests
{
    private static readonly string SecretsKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task TwoServersShowOneNodeCardAndAcceptEachOthersPortalSessions(string provider)
    {
        await using var first = await TestNode.StartAsync(provider, settings: new Dictionary<string, string?> { ["SmartCustoms:Secrets:Key"] = SecretsKey });
        // On PostgreSQL the second server has a data folder of its own; SQLite's database is a file in the shared folder.
        await using var second = await TestNode.StartAsync(provider, shareWith: first, settings: provider == Databases.Postgres
            ? new Dictionary<string, string?> { ["SmartCustoms:DataDirectory"] = Path.Combine(Path.GetTempPath(), "sc-node-" + Guid.NewGuid().ToString("N")) }
            : null);
        var (browser, signIn) = await PortalAccessTests.SignInAsync(first, "officer");
        using var _ = browser;
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("smartcustoms-session=", StringComparison.Ordinal)).Split(';')[0];
        using var elsewhere = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Officer/Queue") { Headers = { { "Cookie", cookie } } };

        var queue = await elsewhere.SendAsync(request);
        var cards = await Task.WhenAll(new[] { first, second }.Select(async n =>
        {
            using var anonymous = n.Client(null);
            return (await anonymous.GetFromJsonAsync<JsonObject>("/api/exchange/node-card"))!["keys"]!.ToJsonString();
        }));

        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Equal(cards[0], cards[1]);
        Assert.False(File.Exists(Path.Combine(second.DataDirectory, NodeKeyRing.LegacyFileName)));
        Assert.False(Directory.Exists(Path.Combine(second.DataDirectory, PortalKeyRing.LegacyFolder)));
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task TheDatabaseHoldsNoPrivateKeyInPlainText(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        var (browser, _) = await PortalAccessTests.SignInAsync(node, "officer");
        browser.Dispose();
        var store = node.Services.GetRequiredService<INodeSecretStore>();

        var exchangeKeys = await store.ListAsync(NodeSecret.ExchangeKey, TestContext.Current.CancellationToken);
        var portalKeys = await store.ListAsync(NodeSecret.DataProtectionKey, TestContext.Current.CancellationToken);

        var exchangeKey = Assert.Single(exchangeKeys);
        using var ecdsa = ECDsa.Create();
        Assert.ThrowsAny<CryptographicException>(() => ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(exchangeKey.Secret), out _));
        var portalKey = Assert.Single(portalKeys);
        Assert.Contains("encryptedSecret", portalKey.Secret, StringComparison.Ordinal);
        Assert.DoesNotContain("masterKey", portalKey.Secret, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AServerGivenTheWrongSecretsKeyRefusesToStartWithOneLineNamingTheSetting(string provider)
    {
        var first = await TestNode.StartAsync(provider, settings: new Dictionary<string, string?> { ["SmartCustoms:Secrets:Key"] = SecretsKey });
        await first.DisposeAsync();

        var error = await Record.ExceptionAsync(async () =>
        {
            await using var wrong = await TestNode.StartAsync(provider, shareWith: first,
                settings: new Dictionary<string, string?> { ["SmartCustoms:Secrets:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
        });

        var refusal = Assert.IsType<InvalidOperationException>(error);
        Assert.StartsWith("SmartCustoms:Secrets:Key does not decrypt", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refusal.Message);
        Assert.DoesNotContain(SecretsKey, refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AnUpgradedNodeKeepsTheSigningKeyItsPartnersKnowFromItsOldKeyFile(string provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "sc-node-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var createdAt = DateTimeOffset.UtcNow.AddDays(-30);
        var kid = Jwk.FromKey(key, createdAt, null).Kid;
        await File.WriteAllTextAsync(Path.Combine(folder, NodeKeyRing.LegacyFileName), JsonSerializer.Serialize(new
        {
            keys = new[] { new { kid, createdAt, retiresAt = (DateTimeOffset?)null, privateKey = Convert.ToBase64String(key.ExportPkcs8PrivateKey()) } },
        }), TestContext.Current.CancellationToken);

        await using var node = await TestNode.StartAsync(provider, settings: new Dictionary<string, string?> { ["SmartCustoms:DataDirectory"] = folder });
        using var anonymous = node.Client(null);
        var card = await anonymous.GetFromJsonAsync<JsonObject>("/api/exchange/node-card");
        var stored = await node.Services.GetRequiredService<INodeSecretStore>().ListAsync(NodeSecret.ExchangeKey, TestContext.Current.CancellationToken);

        Assert.Equal(kid, Assert.Single(card!["keys"]!.AsArray())!["kid"]!.GetValue<string>());
        Assert.Equal(kid, Assert.Single(stored).Name);
    }
}
