namespace SmartCustoms.Domain.Declarations;

public sealed record GoodsItem
{
    public int? Sequence { get; init; }

    /// <summary>Commodity code: HS 2022 subheading (6 digits) or a national extension of 8 or 10 digits.</summary>
    public string? HsCode { get; init; }
    public string? Description { get; init; }

    /// <summary>Country of origin (ISO 3166 alpha-2).</summary>
    public string? Origin { get; init; }

    /// <summary>Net mass in kilograms.</summary>
    public decimal? NetMass { get; init; }

    /// <summary>Gross mass in kilograms, packaging included.</summary>
    public decimal? GrossMass { get; init; }

    /// <summary>Quantity in the supplementary unit, when the tariff asks for one.</summary>
    public decimal? Quantity { get; init; }
    public string? QuantityUnit { get; init; }

    public IReadOnlyList<Package> Packages { get; init; } = [];

    /// <summary>Requested procedure (2 digits), e.g. 40 release for free circulation, 10 permanent export.</summary>
    public string? ProcedureCode { get; init; }
    public string? PreviousProcedureCode { get; init; }
    public IReadOnlyList<string> AdditionalProcedureCodes { get; init; } = [];

    /// <summary>Item price as invoiced (WCO InvoiceLine/ItemChargeAmount).</summary>
    public Money? ItemPrice { get; init; }

    /// <summary>Customs value when the declarant states it (WCO CustomsValueAmount).</summary>
    public Money? CustomsValue { get; init; }
    public Money? StatisticalValue { get; init; }
    public string? ValuationMethod { get; init; }
    public IReadOnlyList<ValuationAdjustment> ValuationAdjustments { get; init; } = [];

    public IReadOnlyList<DocumentReference> PreviousDocuments { get; init; } = [];
    public IReadOnlyList<DocumentReference> AdditionalDocuments { get; init; } = [];
}

public sealed record Package
{
    public string? Type { get; init; }
    public int? Quantity { get; init; }
    public string? Marks { get; init; }
}

/// <summary>An addition to or deduction from the price (freight, insurance, royalties), or the WCO AdditionCode indicator.</summary>
public sealed record ValuationAdjustment
{
    public string? Code { get; init; }
    public Money? Amount { get; init; }
}
