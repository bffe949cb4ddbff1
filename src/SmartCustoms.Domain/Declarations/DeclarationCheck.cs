using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Tariffs;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Domain.Declarations;

/// <summary>What the node decides about a declaration before storing it: valid or not, and the duties it owes.</summary>
public sealed record CheckResult(
    IReadOnlyList<Issue> Errors,
    IReadOnlyList<Issue> Warnings,
    DutyAssessment? Assessment)
{
    public bool IsAccepted => Errors.Count == 0;
}

/// <summary>The same checks in the server, the CLI's offline <c>validate</c> and the benchmarks.</summary>
public static class DeclarationCheck
{
    public static CheckResult Run(Declaration declaration, ValidationContext context, TariffSchedule tariff)
    {
        ArgumentNullException.ThrowIfNull(context);
        var validation = DeclarationValidator.Validate(declaration, context);
        if (!validation.IsValid || !declaration.IsImport)
        {
            return new CheckResult(validation.Errors, validation.Warnings, null);
        }

        var duties = TariffCalculator.Assess(declaration, tariff, DateOnly.FromDateTime(context.Now.UtcDateTime));
        return new CheckResult(duties.Issues, validation.Warnings, duties.Assessment);
    }
}
