using SmartCustoms.Storage.Risk;

namespace SmartCustoms.Server.Portal.Analyst;

/// <summary>Every criterion's current version, retired ones included so that they can be brought back.</summary>
public sealed class CriteriaModel(IRiskStore store) : PortalPage
{
    public IReadOnlyList<StoredCriterion> Criteria { get; private set; } = [];

    public string? Saved { get; private set; }

    public async Task OnGetAsync(string? saved, CancellationToken cancellationToken)
    {
        Criteria = await store.ListCurrentAsync(includeRetired: true, cancellationToken);
        Saved = Criteria.FirstOrDefault(c => string.Equals(c.Id, saved, StringComparison.Ordinal)) is { } found
            ? $"Saved {found.Id} as version {found.Version}."
            : null;
    }
}
