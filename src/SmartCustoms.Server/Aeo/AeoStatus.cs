using System.Collections.Frozen;
using SmartCustoms.Server.Snapshots;
using SmartCustoms.Storage.Aeo;
using SmartCustoms.Storage.Exchange;
using SmartCustoms.Storage.Snapshots;

namespace SmartCustoms.Server.Aeo;

/// <summary>A trader's AEO status as the risk engine sees it, and why.</summary>
/// <param name="IsAeo">Null when the node holds no AEO data at all (no register, no recognised partner list): unknown, not "no".</param>
public sealed record AeoVerdict(bool? IsAeo, string? Basis)
{
    public static AeoVerdict Unknown { get; } = new(null, null);
}

/// <summary>
/// Whether the declarant or the importer of a declaration is an AEO: on this node's register, or on the list of a partner
/// whose agreement recognises its AEOs, valid today. Built for the lodging path: what data the node holds is a snapshot,
/// read again only when the register, a partner's list or a partner's agreement changed, so that a node without AEO data
/// runs no query, and one with data runs one indexed query per lookup.
/// </summary>
public sealed class AeoStatus
{
    private readonly IAeoStore _store;
    private readonly IExchangeStore _exchange;
    private readonly TimeProvider _clock;
    private readonly SnapshotStamps _stamps;
    private readonly Snapshot<Holdings> _holdings;

    public AeoStatus(IAeoStore store, IExchangeStore exchange, TimeProvider clock, SnapshotStamps stamps)
    {
        ArgumentNullException.ThrowIfNull(stamps);
        (_store, _exchange, _clock, _stamps) = (store, exchange, clock, stamps);
        _holdings = stamps.Create("AEO holdings", [SnapshotKind.Aeo, SnapshotKind.Partners], LoadAsync);
    }

    private sealed record Holdings(bool RegisterHasEntries, FrozenSet<string> RecognisedSenders)
    {
        public bool Any => RegisterHasEntries || RecognisedSenders.Count > 0;
    }

    /// <summary>This server changed its register: the next lookup uses it.</summary>
    public Task ChangedAsync(CancellationToken cancellationToken) => _stamps.AfterWriteAsync(cancellationToken);

    public async ValueTask<AeoVerdict> LookupAsync(string? declarantId, string? importerId, CancellationToken cancellationToken)
    {
        var holdings = await _holdings.GetAsync(cancellationToken).ConfigureAwait(false);
        var parties = new List<(string Role, string Id)>(2);
        if (!string.IsNullOrWhiteSpace(declarantId))
        {
            parties.Add(("declarant", AeoInput.NormaliseId(declarantId)));
        }

        if (!string.IsNullOrWhiteSpace(importerId))
        {
            parties.Add(("importer", AeoInput.NormaliseId(importerId)));
        }

        if (!holdings.Any || parties.Count == 0)
        {
            return AeoVerdict.Unknown;
        }

        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var matches = await _store.FindAsync([.. parties.Select(p => p.Id)], today, cancellationToken).ConfigureAwait(false);
        // This node's own register first, then the partners' lists; the declarant before the importer.
        foreach (var (role, id) in parties)
        {
            if (matches.Any(m => m.Sender is null && string.Equals(m.TraderId, id, StringComparison.Ordinal)))
            {
                return new AeoVerdict(true, $"{role} {id} is on this node's AEO register");
            }
        }

        foreach (var (role, id) in parties)
        {
            var sender = matches.Where(m => m.Sender is not null && holdings.RecognisedSenders.Contains(m.Sender) && string.Equals(m.TraderId, id, StringComparison.Ordinal))
                .Select(m => m.Sender).Order(StringComparer.Ordinal).FirstOrDefault();
            if (sender is not null)
            {
                return new AeoVerdict(true, $"{role} {id} is on {sender}'s AEO list (recognised under the agreement)");
            }
        }

        var who = string.Join(" nor the ", parties.Select(p => $"{p.Role} {p.Id}"));
        return new AeoVerdict(false, $"neither the {who} is on this node's AEO register or a recognised partner's list");
    }

    private async Task<Holdings> LoadAsync(CancellationToken cancellationToken)
    {
        var summary = await _store.SummaryAsync(cancellationToken).ConfigureAwait(false);
        var senders = summary.PartnersWithEntries.ToHashSet(StringComparer.Ordinal);
        var recognised = senders.Count == 0
            ? FrozenSet<string>.Empty
            : (await _exchange.ListPartnersAsync(cancellationToken).ConfigureAwait(false))
                .Where(p => senders.Contains(p.NodeId) && p.Agreement().AeoRecognised).Select(p => p.NodeId).ToFrozenSet(StringComparer.Ordinal);
        return new Holdings(summary.RegisterEntries > 0, recognised);
    }
}
