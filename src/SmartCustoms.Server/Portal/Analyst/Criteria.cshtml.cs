using SmartCustoms.Storage.Risk;

namespace SmartCustoms.Server.Portal.Analyst;

/// <summary>Every criterion's current version, retired ones included so that they can be brought back.</summary>
public sealed class CriteriaModel(IRiskStore store) : PortalPage
{
    public IReadOnlyList<StoredCriterion> Criteria { get; private set; } = [];

    public string? Saved { get; private set; }

    /// <summary>How many of the criteria in force are still the shipped examples loaded at the node's first start.</summary>
    public int Examples => Criteria.Count(c => c.RetiredAt is null && string.Equals(c.Author, Domain.Risk.ExampleCriteria.StartUpAuthor, StringComparison.Ordinal));

    /// <summary>Whether every office still follows the shipped example lane rates.</summary>
    public bool ExampleLanes { get; private set; }

    public async Task OnGetAsync(string? saved, CancellationToken cancellationToken)
    {
        Criteria = await store.ListCurrentAsync(includeRetired: true, cancellationToken);
        ExampleLanes = (await store.GetLaneSettingsAsync(cancellationToken)) is { Count: 1 } lanes && lanes[0].Office == Domain.Risk.LaneSettings.AnyOffice
            && lanes[0] == Domain.Risk.ExampleCriteria.LoadLanes()[0];
        Saved = Criteria.FirstOrDefault(c => string.Equals(c.Id, saved, StringComparison.Ordinal)) is { } found
            ? $"Saved {found.Id} as version {found.Version}."
            : null;
    }
}
