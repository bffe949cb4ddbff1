namespace SmartCustoms.Domain.Exchange;

/// <summary>
/// The payload of an <c>aeo-list</c> message: the sender's whole AEO register as it stood at <see cref="ListedAt"/>
/// (every entry not yet expired, including those valid only from a later date). A receiver keeps one list per sender
/// and replaces it only with a newer one, since messages may arrive out of order.
/// </summary>
public sealed record AeoListPayload
{
    /// <summary>Most entries one list may hold; a longer list is refused by the receiver.</summary>
    public const int MaxEntries = 100_000;

    /// <summary>When the register had this content; equals the envelope's <c>createdAt</c>.</summary>
    public required DateTimeOffset ListedAt { get; init; }

    public required IReadOnlyList<AeoListEntry> Entries { get; init; }
}

/// <summary>One Authorised Economic Operator on a sender's list.</summary>
public sealed record AeoListEntry
{
    /// <summary>The party id as used on declarations (e.g. an EORI number).</summary>
    public required string TraderId { get; init; }
    public required string Name { get; init; }

    /// <summary>ISO 3166 alpha-2 country of the operator.</summary>
    public required string Country { get; init; }

    /// <summary>Kind of authorisation, e.g. <c>AEOF</c>, <c>AEOS</c>, <c>AEOC</c>; absent when not given.</summary>
    public string? Certificate { get; init; }
    public required DateOnly ValidFrom { get; init; }

    /// <summary>Last day of validity; absent for open-ended.</summary>
    public DateOnly? ValidTo { get; init; }
}
