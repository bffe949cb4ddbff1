using SmartCustoms.Storage.Exchange;

namespace SmartCustoms.Storage.Aeo;

/// <summary>An Authorised Economic Operator on this node's register.</summary>
/// <param name="TraderId">The party id as used on declarations (e.g. an EORI number), trimmed and upper case.</param>
/// <param name="Certificate">Kind of authorisation, e.g. <c>AEOF</c>, <c>AEOS</c>, <c>AEOC</c>; null when not given.</param>
/// <param name="ValidTo">Last day of validity; null for open-ended.</param>
public sealed record AeoEntry(
    string TraderId, string Name, string Country, string? Certificate, DateOnly ValidFrom, DateOnly? ValidTo, string UpdatedBy, DateTimeOffset UpdatedAt)
{
    /// <summary>Valid on <paramref name="day"/>: from its first day to its last, both included.</summary>
    public bool IsValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || ValidTo >= day);
}

/// <summary>One entry of a partner's list.</summary>
public sealed record PartnerAeoEntry(string TraderId, string Name, string Country, string? Certificate, DateOnly ValidFrom, DateOnly? ValidTo);

/// <summary>The list a partner sent in an <c>aeo-list</c> message, in force until a newer one arrives.</summary>
/// <param name="CreatedAt">The message's <c>createdAt</c>: what "newer" is judged by (then the message id).</param>
public sealed record PartnerAeoList(
    string Sender, string MessageId, DateTimeOffset CreatedAt, DateTimeOffset ListedAt, DateTimeOffset ReceivedAt, IReadOnlyList<PartnerAeoEntry> Entries);

/// <summary>The register as a change leaves it, inside that change's transaction, for the messages the change causes.</summary>
/// <param name="ListedAt">When the change happened, later than every earlier change's, so that receivers order the lists rightly.</param>
public sealed record AeoRegisterState(IReadOnlyList<AeoEntry> Entries, DateTimeOffset ListedAt);

/// <summary>Messages a change of the register queues in its own transaction; may throw to refuse the change (nothing is kept).</summary>
public delegate IReadOnlyList<OutboxMessage> AeoOutbox(AeoRegisterState state);

/// <summary>A trader found valid on a day: on this node's register (<see cref="Sender"/> null) or on a partner's list.</summary>
public sealed record AeoMatch(string TraderId, string? Sender);

/// <summary>How much AEO data the node holds: entries on its register, and the partners whose list in force is not empty.</summary>
public sealed record AeoSummary(int RegisterEntries, IReadOnlyList<string> PartnersWithEntries);

/// <summary>This node's AEO register and the partners' lists. Implemented for SQLite and PostgreSQL.</summary>
public interface IAeoStore
{
    Task<IReadOnlyList<AeoEntry>> ListAsync(CancellationToken cancellationToken);

    Task<AeoEntry?> GetAsync(string traderId, CancellationToken cancellationToken);

    /// <summary>Adds or replaces one entry; the messages of <paramref name="outbox"/> are queued in the same transaction.</summary>
    /// <returns>True when the entry is new.</returns>
    Task<bool> SaveAsync(AeoEntry entry, AeoOutbox? outbox, CancellationToken cancellationToken);

    /// <summary>Removes one entry (and queues the messages of <paramref name="outbox"/> with it); false, and nothing queued, when it was not there.</summary>
    Task<bool> DeleteAsync(string traderId, DateTimeOffset at, AeoOutbox? outbox, CancellationToken cancellationToken);

    /// <summary>Replaces the whole register in one transaction, with the messages of <paramref name="outbox"/>.</summary>
    Task ReplaceAllAsync(IReadOnlyList<AeoEntry> entries, DateTimeOffset at, AeoOutbox? outbox, CancellationToken cancellationToken);

    /// <summary>
    /// Queues the register as it stands, unchanged, dated now: for a partner registered (or whose agreement came to
    /// include <c>aeo-list</c>) since the last change.
    /// </summary>
    Task SendAsync(DateTimeOffset at, AeoOutbox outbox, CancellationToken cancellationToken);

    /// <summary>The partners' lists in force, by sender, with their entries.</summary>
    Task<IReadOnlyList<PartnerAeoList>> ListPartnerListsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Where the given traders are valid on <paramref name="day"/>: this node's register and every partner's list (whether
    /// the agreement recognises it is the caller's business). One indexed query.
    /// </summary>
    Task<IReadOnlyList<AeoMatch>> FindAsync(IReadOnlyCollection<string> traderIds, DateOnly day, CancellationToken cancellationToken);

    Task<AeoSummary> SummaryAsync(CancellationToken cancellationToken);
}
