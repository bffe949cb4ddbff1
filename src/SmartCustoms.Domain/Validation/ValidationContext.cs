using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.ReferenceData;

namespace SmartCustoms.Domain.Validation;

/// <summary>What a validation needs besides the declaration: reference data, the clock's reading and the node's policy.</summary>
public sealed record ValidationContext
{
    public required ReferenceCatalog Catalog { get; init; }
    public required DateTimeOffset Now { get; init; }

    /// <summary>When true, an ISO 6346 container number with a wrong check digit is an error instead of a warning.</summary>
    public bool StrictContainerNumbers { get; init; }

    /// <summary>Allowed difference between the invoice amount and the sum of item prices, as a fraction (0.01 = 1%).</summary>
    public decimal InvoiceTolerance { get; init; } = 0.01m;

    /// <summary>How far in the future an issue date may lie, for clock skew between trader and customs.</summary>
    public TimeSpan FutureDateTolerance { get; init; } = TimeSpan.FromDays(1);

    /// <summary>How old an issue date may be.</summary>
    public TimeSpan MaxDeclarationAge { get; init; } = TimeSpan.FromDays(3 * 365);
}

public sealed record ValidationResult(IReadOnlyList<Issue> Errors, IReadOnlyList<Issue> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}
