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
using SmartCustoms.Storage.Sql;
using SmartCustoms.Storage.Statistics;
using SmartCustoms.Storage.Tariffs;

namespace SmartCustoms.Storage;

/// <summary>One node's database: its schema and its stores. Disposing it flushes pending writes and closes connections.</summary>
public sealed class Database : IAsyncDisposable
{
    private readonly StorageBackend _backend;
    private int _disposed;

    internal Database(string provider, StorageBackend backend)
    {
        Provider = provider;
        _backend = backend;
        Declarations = new DeclarationStore(backend);
        ApiKeys = new ApiKeyStore(backend);
        Tariffs = new TariffStore(backend);
        Risk = new RiskStore(backend);
        Models = new ModelStore(backend);
        Exchange = new ExchangeStore(backend);
        Statistics = new TradeStatisticsStore(backend);
        RiskProposals = new RiskProposalStore(backend);
        Aeo = new AeoStore(backend);
        Secrets = new NodeSecretStore(backend);
        JobLeases = new JobLeases(backend);
        Health = new NodeHealthStore(backend);
        Snapshots = new SnapshotStore(backend);
        Postal = new PostalStore(backend);
    }

    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public string Provider { get; }

    public IDeclarationStore Declarations { get; }
    public IApiKeyStore ApiKeys { get; }
    public ITariffStore Tariffs { get; }
    public IRiskStore Risk { get; }
    public IModelStore Models { get; }
    public IExchangeStore Exchange { get; }
    public ITradeStatisticsStore Statistics { get; }
    public IRiskProposalStore RiskProposals { get; }
    public IAeoStore Aeo { get; }
    public INodeSecretStore Secrets { get; }
    public JobLeases JobLeases { get; }
    public NodeHealthStore Health { get; }
    public IPostalStore Postal { get; }

    /// <summary>The versions of what servers keep in memory, moved by the other stores' writes.</summary>
    public ISnapshotStore Snapshots { get; }

    /// <summary>
    /// Applies the migrations not yet applied, in order. Idempotent, and safe when several processes start at
    /// once against the same database.
    /// </summary>
    public Task MigrateAsync(CancellationToken cancellationToken) => _backend.MigrateAsync(cancellationToken);

    /// <summary>Waits for queued writes to commit, then closes the connections. Later calls do nothing.</summary>
    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _disposed, 1) == 0 ? _backend.DisposeAsync() : ValueTask.CompletedTask;
}
