namespace SmartCustoms.Domain.Tariffs;

/// <summary>Duties and taxes of one goods item, in national currency.</summary>
public sealed record ItemDuty
{
    public required int Sequence { get; init; }
    public required string HsCode { get; init; }
    public required decimal CustomsValue { get; init; }

    /// <summary>The tariff line applied (its HS prefix), or null when none matched and the fallback rates were used.</summary>
    public string? TariffLine { get; init; }
    public required DutyBasis DutyBasis { get; init; }
    public required decimal DutyRate { get; init; }
    public required decimal Duty { get; init; }
    public required decimal VatBase { get; init; }
    public required decimal VatRate { get; init; }
    public required decimal Vat { get; init; }
}

public sealed record DutyAssessment
{
    public required string Currency { get; init; }
    public required DateOnly TariffDate { get; init; }
    public required string TariffName { get; init; }
    public required decimal ExchangeRate { get; init; }
    public required decimal TotalCustomsValue { get; init; }
    public required decimal TotalDuty { get; init; }
    public required decimal TotalVat { get; init; }
    public decimal TotalPayable => TotalDuty + TotalVat;

    /// <summary>True when the consignment's value is at or under the de minimis threshold and no duty is due.</summary>
    public required bool DeMinimisApplied { get; init; }
    public required IReadOnlyList<ItemDuty> Items { get; init; }
}
