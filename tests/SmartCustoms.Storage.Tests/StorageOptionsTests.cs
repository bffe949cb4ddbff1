using Microsoft.Extensions.DependencyInjection;
using SmartCustoms.Storage.Access;
using SmartCustoms.Storage.Declarations;
using SmartCustoms.Storage.Tariffs;

namespace SmartCustoms.Storage.Tests;

public sealed class StorageOptionsTests
{
    [Fact]
    public void AnUnknownProviderIsRefusedWithTheAllowedValues()
    {
        var error = Assert.Throws<ArgumentException>(() => StorageFactory.Create(new StorageOptions { Provider = "mysql" }));

        Assert.Contains("'mysql'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'sqlite', 'postgres'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgresWithoutAConnectionStringIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddSmartCustomsStorage(new StorageOptions { Provider = "postgres" }));

        Assert.Contains("ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStoresAreSingletonsOfOneDatabaseInAFolderCreatedOnMigration()
    {
        await using var storage = await TestStorage.CreateAsync(StorageOptions.Sqlite, migrate: false);
        var services = new ServiceCollection().AddSmartCustomsStorage(storage.Options with { Provider = "SQLite" });
        var provider = services.BuildServiceProvider();
        await using (provider)
        {
            var database = provider.GetRequiredService<Database>();
            await database.MigrateAsync(TestContext.Current.CancellationToken);

            Assert.Equal(StorageOptions.Sqlite, database.Provider);
            Assert.Same(database.Declarations, provider.GetRequiredService<IDeclarationStore>());
            Assert.Same(database.ApiKeys, provider.GetRequiredService<IApiKeyStore>());
            Assert.Same(database.Tariffs, provider.GetRequiredService<ITariffStore>());
            Assert.True(File.Exists(Path.Combine(storage.Options.DataDirectory, "smartcustoms.db")));
            Assert.All(services, s => Assert.Equal(ServiceLifetime.Singleton, s.Lifetime));
        }
    }
}
