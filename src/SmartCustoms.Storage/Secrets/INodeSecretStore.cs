namespace SmartCustoms.Storage.Secrets;

/// <summary>One of the node's secrets, as stored: <paramref name="Secret"/> is already encrypted by the server.</summary>
/// <param name="Kind"><see cref="ExchangeKey"/> or <see cref="DataProtectionKey"/>.</param>
/// <param name="Name">Unique within its kind: the key id of an exchange key, the friendly name of a data-protection key.</param>
public sealed record NodeSecret(string Kind, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RetiresAt, string Secret)
{
    public const string ExchangeKey = "exchange-key";
    public const string DataProtectionKey = "data-protection-key";
}

/// <summary>The node's secrets, shared by every server on the database. Implemented for SQLite and PostgreSQL.</summary>
public interface INodeSecretStore
{
    /// <summary>The secrets of one kind, oldest first.</summary>
    Task<IReadOnlyList<NodeSecret>> ListAsync(string kind, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="secrets"/> (all of <paramref name="kind"/>) only if no secret of that kind exists yet; returns
    /// whether they were stored. Servers starting at once on an empty database: one stores, the others read its secrets.
    /// </summary>
    Task<bool> AddFirstAsync(string kind, IReadOnlyList<NodeSecret> secrets, CancellationToken cancellationToken);

    /// <summary>Stores a secret; one already stored under the same kind and name is kept as it is.</summary>
    Task AddAsync(NodeSecret secret, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: every secret of <paramref name="added"/>'s kind without a retirement time retires at
    /// <paramref name="retireAt"/>, those retired by <paramref name="now"/> are deleted, and <paramref name="added"/> is stored.
    /// </summary>
    Task RotateAsync(NodeSecret added, DateTimeOffset retireAt, DateTimeOffset now, CancellationToken cancellationToken);
}
