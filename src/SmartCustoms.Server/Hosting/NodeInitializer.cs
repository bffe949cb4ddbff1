using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Access;
using SmartCustoms.Domain.ReferenceData;
using SmartCustoms.Domain.Risk;
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

        if (options.Value.Risk.LoadExamples)
        {
            await LoadExampleRiskAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A node without criteria would send every declaration to a lane by chance alone (score 0, random selections only):
    /// on its first start it takes the shipped examples, and says so, until analysts load their own.
    /// </summary>
    private async Task LoadExampleRiskAsync(CancellationToken cancellationToken)
    {
        if ((await database.Risk.ListCurrentAsync(includeRetired: true, cancellationToken).ConfigureAwait(false)).Count == 0)
        {
            var examples = ExampleCriteria.Load();
            await database.Risk.SaveCriteriaAsync(examples, ExampleCriteria.StartUpAuthor, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            LogExampleCriteria(logger, examples.Count, null);
        }

        if ((await database.Risk.GetLaneSettingsAsync(cancellationToken).ConfigureAwait(false)).Count == 0)
        {
            foreach (var lanes in ExampleCriteria.LoadLanes())
            {
                await database.Risk.SaveLaneSettingsAsync(lanes, ExampleCriteria.StartUpAuthor, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }

            LogExampleLanes(logger, null);
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

    [LoggerMessage(EventId = 11, EventName = "ExampleCriteria", Level = LogLevel.Warning,
        Message = "No risk criteria yet: loaded the {Count} shipped example criteria (illustrative, not intelligence). Load your own with `smartcustoms criteria import` or POST /api/risk/criteria/import, and retire the examples")]
    private static partial void LogExampleCriteria(ILogger logger, int count, Exception? exception);

    [LoggerMessage(EventId = 12, EventName = "ExampleLanes", Level = LogLevel.Warning,
        Message = "No lane settings yet: every office follows the shipped example rates (red 3%, yellow 7%, blue 5%, random 1%) under office '*'. Set each office's rates to its inspection capacity with PUT /api/risk/lanes")]
    private static partial void LogExampleLanes(ILogger logger, Exception? exception);
}
