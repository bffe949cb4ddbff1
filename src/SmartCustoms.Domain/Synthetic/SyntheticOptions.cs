using System.Globalization;
using SmartCustoms.Domain.Declarations;

namespace SmartCustoms.Domain.Synthetic;

/// <summary>What to generate. The same options and seed give the same declarations, in the same order.</summary>
public sealed record SyntheticOptions
{
    public required int Count { get; init; }
    public int Seed { get; init; } = 1;

    /// <summary>Share of declarations carrying a planted fraud pattern, from 0 to 1. Fraud is planted in imports only.</summary>
    public double FraudShare { get; init; } = 0.05;

    /// <summary>Share of imports among the declarations (the rest are exports), from 0 to 1.</summary>
    public double ImportShare { get; init; } = 0.82;

    public DateOnly Start { get; init; } = new(2026, 1, 1);
    public int Days { get; init; } = 90;

    /// <summary>
    /// The declaring administration's country: prefix of trader ids and customs offices. The default matches a
    /// node's default NodeId; it is no ISO country, so destination and export countries naming it are left out.
    /// </summary>
    public string Country { get; init; } = "XX";

    /// <summary>Everything wrong with these options, for a caller to report; empty when they can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Count < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"The count must be at least 1; it is {Count}."));
        }

        if (FraudShare is < 0 or > 1 || double.IsNaN(FraudShare))
        {
            problems.Add("The fraud share must be between 0 and 1.");
        }

        if (ImportShare is < 0 or > 1 || double.IsNaN(ImportShare))
        {
            problems.Add("The import share must be between 0 and 1.");
        }

        if (Days < 1)
        {
            problems.Add("The number of days must be at least 1.");
        }
        else if (Start.DayNumber > DateOnly.MaxValue.DayNumber - Days)
        {
            problems.Add("The period runs past the last representable date.");
        }

        if (Country is not { Length: 2 } || !char.IsAsciiLetterUpper(Country[0]) || !char.IsAsciiLetterUpper(Country[1]))
        {
            problems.Add($"The country must be two capital letters; it is '{Country}'.");
        }

        return problems;
    }
}

/// <summary>One generated declaration with its ground truth: the planted fraud pattern, or null for an honest one.</summary>
public sealed record GeneratedDeclaration(Declaration Declaration, string? FraudPattern, DateOnly Date);

/// <summary>The labels of planted fraud, as written to a labels file: stable strings, not enum names.</summary>
public static class FraudPatterns
{
    /// <summary>Prices cut to 20-50% of the real value.</summary>
    public const string Undervaluation = "undervaluation";

    /// <summary>The commodity code swapped for a lower-duty neighbour, with a description to match.</summary>
    public const string Misclassification = "misclassification";

    /// <summary>Chinese goods declared as originating in (and exported from) a preferential country.</summary>
    public const string OriginMisdeclaration = "origin-misdeclaration";

    /// <summary>Masses, quantities and prices all cut by the same factor, so that unit values still look normal.</summary>
    public const string QuantityUnderstatement = "quantity-understatement";

    /// <summary>Goods that should not pass declared under an innocuous code with a vague description and a token value.</summary>
    public const string ProhibitedGoods = "prohibited-goods";

    public static IReadOnlyList<string> All { get; } =
        [Undervaluation, Misclassification, OriginMisdeclaration, QuantityUnderstatement, ProhibitedGoods];
}
