using Microsoft.Extensions.DependencyInjection;
using SmartCustoms.Storage.Access;
using SmartCustoms.Storage.Aeo;
using SmartCustoms.Storage.Declarations;
using SmartCustoms.Storage.Exchange;
using SmartCustoms.Storage.Health;
using SmartCustoms.Storage.Leases;
using SmartCustoms.Storage.Models;
using SmartCustoms.Storage.Postal;
using SmartCustoms.Storage.Risk;
using SmartCustoms.Storage.Secrets;
using SmartCustoms.Storage.Snapshots;
using SmartCustoms.Storage.Statistics;
using SmartCustoms.Storage.Tariffs;

namespace SmartCustoms.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="Database"/> and the stores as singletons. The host calls
    /// <see cref="Database.MigrateAsync"/> once at start, before serving.
    /// </summary>
    public static IServiceCollection AddSmartCustomsStorage(this IServiceCollection services, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);

        // Created now rather than on first resolve, so that bad options stop the host at start with a clear message.
        var database = StorageFactory.Create(options);

        // A factory registration makes the container own the database and dispose it on shutdown, which
        // drains the SQLite writer.
        services.AddSingleton(_ => database);
        services.AddSingleton<IDeclarationStore>(sp => sp.GetRequiredService<Database>().Declarations);
        services.AddSingleton<IApiKeyStore>(sp => sp.GetRequiredService<Database>().ApiKeys);
        services.AddSingleton<ITariffStore>(sp => sp.GetRequiredService<Database>().Tariffs);
        services.AddSingleton<IRiskStore>(sp => sp.GetRequiredService<Database>().Risk);
        services.AddSingleton<IModelStore>(sp => sp.GetRequiredService<Database>().Models);
        services.AddSingleton<IExchangeStore>(sp => sp.GetRequiredService<Database>().Exchange);
        services.AddSingleton<ITradeStatisticsStore>(sp => sp.GetRequiredService<Database>().Statistics);
        services.AddSingleton<IRiskProposalStore>(sp => sp.GetRequiredService<Database>().RiskProposals);
        services.AddSingleton<IAeoStore>(sp => sp.GetRequiredService<Database>().Aeo);
        services.AddSingleton<INodeSecretStore>(sp => sp.GetRequiredService<Database>().Secrets);
        services.AddSingleton(sp => sp.GetRequiredService<Database>().JobLeases);
        services.AddSingleton(sp => sp.GetRequiredService<Database>().Health);
        services.AddSingleton<IPostalStore>(sp => sp.GetRequiredService<Database>().Postal);
        services.AddSingleton<ISnapshotStore>(sp => sp.GetRequiredService<Database>().Snapshots);
        return services;
    }
}
