using System.Runtime.CompilerServices;

namespace SmartCustoms.Domain.Risk;

/// <summary>The facts of one goods item, derived once (the ratios on first read) so that criteria only read fields.</summary>
public sealed class RiskItem
{
    /// <summary>The item's sequence number as declared, or its position counting from 1.</summary>
    public required int Sequence { get; init; }
    public string? HsCode { get; init; }

    // Cut on demand: criteria test prefixes of HsCode directly, so nothing in the hot path needs these strings.
    public string? Hs6 => Prefix(6);
    public string? Hs4 => Prefix(4);
    public string? Hs2 => Prefix(2);
    public string? Origin { get; init; }
    public string? ProcedureCode { get; init; }
    public decimal? NetMass { get; init; }
    public decimal? GrossMass { get; init; }
    public decimal? Quantity { get; init; }

    /// <summary>Customs value in national currency.</summary>
    public decimal? CustomsValue { get; init; }

    /// <summary>Customs value per kilogram of net mass.</summary>
    public decimal? ValuePerKg
    {
        get => (_valuePerKg ??= new(Ratio(CustomsValue, NetMass))).Value;
        init => _valuePerKg = new(value);
    }

    /// <summary>Value per kilogram divided by the reference price of the subheading: 0.3 means 30% of the usual price.</summary>
    public decimal? UnitPriceRatio
    {
        get => (_unitPriceRatio ??= new(Ratio(ValuePerKg, _referenceValuePerKg))).Value;
        init => _unitPriceRatio = new(value);
    }

    /// <summary>Gross mass divided by net mass: packaging share, and a sign of misdeclared mass when far from usual.</summary>
    public decimal? GrossNetRatio
    {
        get => (_grossNetRatio ??= new(Ratio(GrossMass, NetMass))).Value;
        init => _grossNetRatio = new(value);
    }

    // The ratios are decimal divisions, the dearest part of deriving a subject, and criteria usually read them for
    // few items if any: an item built by RiskSubject.Create derives each on first read (a null box). Boxed so that
    // a read racing the first one on another thread sees a whole value: both compute the same and either box wins.
    // An item built otherwise has the ratios it was given (missing by default), as before.
    private static readonly StrongBox<decimal?> Missing = new(null);
    private StrongBox<decimal?>? _valuePerKg = Missing;
    private StrongBox<decimal?>? _unitPriceRatio = Missing;
    private StrongBox<decimal?>? _grossNetRatio = Missing;
    private decimal? _referenceValuePerKg;

    /// <summary>Makes the ratios derive on first read, the unit price ratio against this reference price per kg.</summary>
    internal RiskItem DeriveRatios(decimal? referenceValuePerKg)
    {
        _referenceValuePerKg = referenceValuePerKg;
        _valuePerKg = _unitPriceRatio = _grossNetRatio = null;
        return this;
    }

    // Ratios over unvalidated input must not throw: a zero or absurdly small denominator means "no ratio".
    internal static decimal? Ratio(decimal? numerator, decimal? denominator)
    {
        if (numerator is not { } n || denominator is not { } d || d <= 0m)
        {
            return null;
        }

        try
        {
            return n / d;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private string? Prefix(int length) => HsCode is { } code && code.Length >= length ? code[..length] : null;
}
