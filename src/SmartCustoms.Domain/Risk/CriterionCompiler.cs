using System.Globalization;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Domain.Risk;

/// <summary>The outcome of compiling one criterion: the criterion, or every fault with a JSON Pointer into the document.</summary>
public sealed record CompileResult(CompiledCriterion? Criterion, IReadOnlyList<Issue> Errors)
{
    public bool IsValid => Criterion is not null;
}

/// <summary>
/// Checks a criterion document and compiles its condition to delegates once per version, so that evaluation
/// never interprets JSON.
/// </summary>
public static class CriterionCompiler
{
    public const decimal MaxWeight = 1000m;
    public const int MaxIdLength = 64;

    public static CompileResult Compile(CriterionDocument document, int version)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        var errors = new List<Issue>();
        CheckId(document.Id, errors);
        if (string.IsNullOrWhiteSpace(document.Name))
        {
            errors.Add(new("required", "name is required: a short title officers will read.", "/name"));
        }

        if (document.Weight is not { } weight)
        {
            errors.Add(new("required", "weight is required (0 to 1000).", "/weight"));
        }
        else if (weight is < 0m or > MaxWeight)
        {
            errors.Add(new("weight.out-of-range", $"weight {weight.ToString(CultureInfo.InvariantCulture)} must be between 0 and 1000.", "/weight"));
        }

        if (document.MinimumLane is { } lane && !Enum.IsDefined(lane))
        {
            errors.Add(new("value.invalid", "minimumLane must be green, blue, yellow or red.", "/minimumLane"));
        }

        for (var i = 0; i < document.Offices.Count; i++)
        {
            if (!IsOfficeCode(document.Offices[i]))
            {
                errors.Add(new("office.invalid", $"Customs office '{document.Offices[i]}' must be a country code followed by up to six letters or digits (e.g. GB000040).",
                    "/offices/" + i.ToString(CultureInfo.InvariantCulture)));
            }
        }

        if (document.ValidFrom > document.ValidTo)
        {
            errors.Add(new("validity.order", "validFrom is after validTo: the criterion would never apply.", "/validFrom"));
        }

        var condition = document.When is null ? null : ConditionCompiler.Compile(document.When, "/when", errors);
        if (document.When is null)
        {
            errors.Add(new("required", "when is required: the condition under which the criterion hits.", "/when"));
        }

        return errors.Count > 0 || condition is null
            ? new CompileResult(null, errors)
            : new CompileResult(new CompiledCriterion(document, version, condition), []);
    }

    /// <summary>The office format of the declaration validator, so that a criterion can only name offices a declaration can carry.</summary>
    public static bool IsOfficeCode(string? office) =>
        office is { Length: >= 3 and <= 8 } && char.IsAsciiLetterUpper(office[0]) && char.IsAsciiLetterUpper(office[1])
            && office.All(char.IsAsciiLetterOrDigit);

    private static void CheckId(string? id, List<Issue> errors)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add(new("required", "id is required, e.g. undervalued-shavers-cn.", "/id"));
        }
        else if (id.Length > MaxIdLength || !id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            errors.Add(new("id.invalid", $"id '{id}' must be at most 64 lower-case letters, digits and dashes.", "/id"));
        }
    }
}
