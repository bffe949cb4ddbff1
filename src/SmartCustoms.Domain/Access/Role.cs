namespace SmartCustoms.Domain.Access;

public enum Role
{
    /// <summary>Lodges and follows its own declarations; bound to one party id (e.g. an EORI).</summary>
    Trader,
    /// <summary>Works the control queue, records inspections, releases goods.</summary>
    Officer,
    /// <summary>Authors risk criteria and models, reads performance.</summary>
    Analyst,
    /// <summary>Runs the node: keys, tariffs, partners.</summary>
    Admin,
    /// <summary>A post or express carrier: sends its items' advance data and collects the answers; bound to one operator (its party id).</summary>
    Carrier,
}

/// <summary>An API key as stored: only the SHA-256 of the secret is kept.</summary>
public sealed record ApiKey
{
    public required string Id { get; init; }
    public required Role Role { get; init; }

    /// <summary>The party a trader key acts for, or the operator a carrier key sends for; null for other roles.</summary>
    public string? PartyId { get; init; }
    public required string Name { get; init; }
    public required byte[] SecretHash { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
}
