using SmartCustoms.Storage.Postgres;
using SmartCustoms.Storage.Sqlite;

namespace SmartCustoms.Storage;

/// <summary>Builds the storage without dependency injection, e.g. for the CLI.</summary>
public static class StorageFactory
{
    /// <summary>Opens the stores of the configured provider. Call <see cref="Database.MigrateAsync"/> before use.</summary>
    /// <exception cref="ArgumentException">The options name an unknown provider or lack what the provider needs.</exception>
    public static Database Create(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.Equals(options.Provider, StorageOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(options.DataDirectory))
            {
                throw new ArgumentException("Storage provider 'sqlite' needs a DataDirectory.", nameof(options));
            }
            return new Database(StorageOptions.Sqlite, new SqliteBackend(options.DataDirectory, options.MaxDatabaseBytes));
        }
        if (string.Equals(options.Provider, StorageOptions.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new ArgumentException(
                    "Storage provider 'postgres' needs a ConnectionString, e.g. 'Host=localhost;Database=smartcustoms;Username=app;Password=...'.",
                    nameof(options));
            }
            return new Database(StorageOptions.Postgres, new PostgresBackend(PostgresConnectionString.Normalize(options.ConnectionString)));
        }
        throw new ArgumentException(
            $"Unknown storage provider '{options.Provider}'. Allowed values: '{StorageOptions.Sqlite}', '{StorageOptions.Postgres}'.",
            nameof(options));
    }
}
