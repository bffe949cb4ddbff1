namespace SmartCustoms.Domain.Risk;

/// <summary>The facts of one goods item, derived once so that criteria only read fields.</summary>
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
    public decimal? ValuePerKg { get; init; }

    /// <summary>Value per kilogram divided by the reference price of the subheading: 0.3 means 30% of the usual price.</summary>
    public decimal? UnitPriceRatio { get; init; }

    /// <summary>Gross mass divided by net mass: packaging share, and a sign of misdeclared mass when far from usual.</summary>
    public decimal? GrossNetRatio { get; init; }

    private string? Prefix(int length) => HsCode is { } code && code.Length >= length ? code[..length] : null;
}
