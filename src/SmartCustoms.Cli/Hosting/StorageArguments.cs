using System.CommandLine;
using System.Data.Common;
using SmartCustoms.Storage;

namespace SmartCustoms.Cli.Hosting;

/// <summary>
/// The storage options of the admin commands, with the node's defaults so that both open the same database
/// when run from the same folder.
/// </summary>
internal sealed class StorageArguments
{
    public const string ConnectionVariable = "SMARTCUSTOMS_CONNECTION";

    private readonly Option<string> _dataDirectory = new("--data-dir")
    {
        Description = "Folder of the node's SQLite database (the node's SmartCustoms:DataDirectory)",
        HelpName = "DIR",
        DefaultValueFactory = _ => "data",
        Recursive = true,
    };

    private readonly Option<string> _provider = new Option<string>("--provider")
    {
        Description = "Storage provider",
        DefaultValueFactory = _ => StorageOptions.Sqlite,
        Recursive = true,
    }.AcceptOnlyFromAmong(StorageOptions.Sqlite, StorageOptions.Postgres);

    private readonly Option<string?> _connection = new("--connection")
    {
        Description = $"PostgreSQL connection string (or set {ConnectionVariable}, which keeps the password out of shell history)",
        HelpName = "STRING",
        Recursive = true,
    };

    public void AddTo(Command command)
    {
        command.Add(_dataDirectory);
        command.Add(_provider);
        command.Add(_connection);
    }

    /// <summary>
    /// Opens and migrates the database, then runs <paramref name="work"/>. Migrating first lets an admin create
    /// keys and load a tariff before the node has ever started.
    /// </summary>
    public async Task<int> RunAsync(
        ParseResult parsed, CliConsole console, Func<Database, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        var options = new StorageOptions
        {
            Provider = parsed.GetValue(_provider) ?? StorageOptions.Sqlite,
            DataDirectory = parsed.GetValue(_dataDirectory) ?? "data",
            ConnectionString = parsed.GetValue(_connection) ?? Environment.GetEnvironmentVariable(ConnectionVariable),
        };
        if (options.Provider == StorageOptions.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            await console.FailAsync($"--provider postgres needs --connection or {ConnectionVariable}, e.g. 'Host=localhost;Database=smartcustoms;Username=app;Password=...'.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        Database database;
        try
        {
            database = StorageFactory.Create(options);
        }
        catch (ArgumentException ex)
        {
            // Npgsql's own complaint about a malformed connection string, or the factory's about missing options.
            await console.FailAsync($"storage options: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        await using (database.ConfigureAwait(false))
        {
            try
            {
                await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
                return await work(database, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException)
            {
                await console.FailAsync($"cannot use the {options.Provider} database{Where(options)}: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Failed;
            }
        }
    }

    // Never echo the connection string: it usually holds a password.
    private static string Where(StorageOptions options) =>
        options.Provider == StorageOptions.Sqlite ? " in " + Path.GetFullPath(options.DataDirectory) : "";
}
