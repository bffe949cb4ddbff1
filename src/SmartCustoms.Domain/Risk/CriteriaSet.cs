namespace SmartCustoms.Domain.Risk;

/// <summary>
/// The criteria in force, built once per set of versions and shared by every thread. Each criterion id appears
/// once: two versions of one criterion in force together would count its weight twice.
/// </summary>
public sealed class CriteriaSet
{
    private readonly CompiledCriterion[] _criteria;

    private CriteriaSet(CompiledCriterion[] criteria) => _criteria = criteria;

    public static CriteriaSet Empty { get; } = new([]);

    public IReadOnlyList<CompiledCriterion> Criteria => _criteria;

    public static CriteriaSet Create(IEnumerable<CompiledCriterion> criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        CompiledCriterion[] all = [.. criteria];
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var criterion in all)
        {
            ArgumentNullException.ThrowIfNull(criterion, nameof(criteria));
            if (!ids.Add(criterion.Id))
            {
                throw new ArgumentException($"Criterion '{criterion.Id}' appears more than once; keep one version in force.", nameof(criteria));
            }
        }

        return new CriteriaSet(all);
    }

    /// <summary>Appends the hits of the criteria in force at the subject's office on its date. Allocates only on a hit.</summary>
    public void Evaluate(RiskSubject subject, List<CriterionHit> hits)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(hits);
        var chapters = subject.Chapters;
        var office = subject.Office;
        var date = subject.Date;
        foreach (var criterion in _criteria)
        {
            if ((criterion.Chapters & chapters) == UInt128.Zero && criterion.ItemScope)
            {
                continue;
            }

            if (criterion.AppliesTo(office, date) && criterion.Evaluate(subject) is { } hit)
            {
                hits.Add(hit);
            }
        }
    }
}
