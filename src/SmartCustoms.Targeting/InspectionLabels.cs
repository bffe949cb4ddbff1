using SmartCustoms.Domain.Controls;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Tariffs;

namespace SmartCustoms.Targeting;

/// <summary>A node's inspection results as training labels, on the scale of the KCS data.</summary>
public static class InspectionLabels
{
    /// <summary>
    /// Fraud when the control found anything. Critical (2) for prohibited or restricted goods and false origin, the
    /// findings the KCS data calls critical besides tax evasion; other findings are minor (1).
    /// </summary>
    public static LabelledRecord From(
        Declaration declaration, DutyAssessment? duties, DateTimeOffset acceptedAt, bool findings, IReadOnlyCollection<FindingCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(categories);
        var critical = !findings ? 0
            : categories.Any(c => c is FindingCategory.ProhibitedOrRestricted or FindingCategory.Origin) ? 2 : 1;
        return new LabelledRecord(TargetingRecord.From(declaration, duties), findings, critical, DateOnly.FromDateTime(acceptedAt.UtcDateTime));
    }
}
