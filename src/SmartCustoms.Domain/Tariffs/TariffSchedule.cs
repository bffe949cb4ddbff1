namespace SmartCustoms.Domain.Tariffs;

public enum DutyBasis
{
    /// <summary>A percentage of the customs value.</summary>
    AdValorem,
    /// <summary>An amount per kilogram of net mass.</summary>
    PerKilogram,
    /// <summary>An amount per unit of supplementary quantity.</summary>
    PerUnit,
}

/// <summary>One line of a tariff: the longest matching HS prefix valid on the day wins.</summary>
public sealed record TariffLine
{
    public required string HsPrefix { get; init; }
    public required DutyBasis Basis { get; init; }

    /// <summary>Percent for ad valorem, national currency per kg or per unit otherwise.</summary>
    public required decimal DutyRate { get; init; }

    /// <summary>VAT in percent, charged on customs value plus duty.</summary>
    public required decimal VatRate { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
}

public sealed record ExchangeRate
{
    public required string Currency { get; init; }
    public required DateOnly ValidFrom { get; init; }

    /// <summary>Units of national currency for one unit of <see cref="Currency"/>.</summary>
    public required decimal Rate { get; init; }
}

public sealed record TariffSchedule
{
    public required string Name { get; init; }

    /// <summary>National currency (ISO 4217) in which duties are assessed.</summary>
    public required string Currency { get; init; }

    /// <summary>Consignments whose customs value is at or under this amount pay no duty (VAT still applies).</summary>
    public decimal DeMinimis { get; init; }

    /// <summary>Rates used when no line matches the HS code.</summary>
    public required decimal DefaultDutyRate { get; init; }
    public required decimal DefaultVatRate { get; init; }
    public IReadOnlyList<TariffLine> Lines { get; init; } = [];
    public IReadOnlyList<ExchangeRate> ExchangeRates { get; init; } = [];
}
