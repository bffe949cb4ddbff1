using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Access;
using SmartCustoms.Domain.ReferenceData;
using SmartCustoms.Domain.Tariffs;
using SmartCustoms.Server.Access;
using SmartCustoms.Storage;
using SmartCustoms.Storage.Access;

namespace SmartCustoms.Server.Hosting;

/// <summary>Runs before the node serves: schema migrations, the first admin key, the node's keys (made, or imported from the data folder), the demo tariff.</summary>
public sealed partial class NodeInitializer(
    Database database, ApiKeyIssuer issuer, Exchange.NodeKeyRing exchangeKeys, Portal.PortalKeyRing portalKeys, IOptions<SmartCustomsOptions> options, TimeProvider clock,
    ILogger<NodeInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        // Before the first file is written there: a folder the node cannot write is named, not met as some I/O error later.
        DataFolder.EnsureWritable(options.Value.DataDirectory);
        await database.MigrateAsync(cancellationToken).ConfigureAwait(false);

        // Load the reference data now rather than inside the first trader's request.
        _ = ReferenceCatalog.Default;
        await EnsureAdminAsync(cancellationToken).ConfigureAwait(false);
        // The first start makes the node's exchange signing key, so that its card can be handed to partners at once.
        await exchangeKeys.LoadAsync(cancellationToken).ConfigureAwait(false);
        await portalKeys.ImportLegacyAsync(cancellationToken).ConfigureAwait(false);
        if (await database.Tariffs.GetAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            var demo = TariffFile.LoadDemo();
            await database.Tariffs.SaveAsync(demo, "node start-up", clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            LogDemoTariff(logger, demo.Name, null);
        }
    }

    private async Task EnsureAdminAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.BootstrapAdminKey;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (await database.ApiKeys.FindBySecretHashAsync(ApiKeySecrets.Hash(configured), cancellationToken).ConfigureAwait(false) is null)
            {
                await issuer.IssueAsync("admin", null, "bootstrap admin key", cancellationToken, configured).ConfigureAwait(false);
            }

            return;
        }

        if (await database.ApiKeys.AnyAdminAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var (key, secret, _) = await issuer.IssueAsync(Roles.Name(Role.Admin), null, "first admin key", cancellationToken).ConfigureAwait(false);

        // Printed to the console, never logged: log sinks are kept and shipped, the console of a first start is not.
        Console.WriteLine();
        Console.WriteLine("  SmartCustoms created the first admin API key. It is shown only this once; keep it safe:");
        Console.WriteLine();
        Console.WriteLine($"    {secret}");
        Console.WriteLine();
        Console.WriteLine($"  (key id {key!.Id}; create more with POST /api/keys or `smartcustoms keys create`)");
        Console.WriteLine();
    }

    [LoggerMessage(EventId = 10, EventName = "DemoTariff", Level = LogLevel.Warning,
        Message = "No tariff loaded yet: using the shipped {TariffName}. Load the real one with `smartcustoms tariff import` or PUT /api/tariff")]
    private static partial void LogDemoTariff(ILogger logger, string tariffName, Exception? exception);
}
