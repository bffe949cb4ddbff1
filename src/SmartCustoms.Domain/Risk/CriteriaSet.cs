using System.Numerics;

namespace SmartCustoms.Domain.Risk;

/// <summary>
/// The criteria in force, built once per set of versions and shared by every thread. Each criterion id appears
/// once: two versions of one criterion in force together would count its weight twice.
/// </summary>
public sealed class CriteriaSet
{
    private readonly CompiledCriterion[] _criteria;
    private readonly CriteriaIndex _index;

    private CriteriaSet(CompiledCriterion[] criteria)
    {
        _criteria = criteria;
        _index = new CriteriaIndex(criteria);
    }

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

    /// <summary>
    /// Appends the hits of the criteria in force at the subject's office on its date. Allocates only on a hit (and,
    /// beyond 4,096 criteria, for the scratch bit sets).
    /// </summary>
    public void Evaluate(RiskSubject subject, List<CriterionHit> hits)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(hits);
        // Only the criteria the index cannot rule out are visited, in set order so that hits keep their order.
        var words = _index.Words;
        Span<ulong> candidates = words <= 64 ? stackalloc ulong[words] : new ulong[words];
        _index.Candidates(subject, candidates);
        var office = subject.Office;
        var date = subject.Date;
        for (var w = 0; w < candidates.Length; w++)
        {
            for (var bits = candidates[w]; bits != 0; bits &= bits - 1)
            {
                var criterion = _criteria[(w << 6) + BitOperations.TrailingZeroCount(bits)];
                if (criterion.AppliesTo(office, date) && criterion.Evaluate(subject) is { } hit)
                {
                    hits.Add(hit);
                }
            }
        }
    }
}
