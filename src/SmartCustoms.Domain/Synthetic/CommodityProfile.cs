namespace SmartCustoms.Domain.Synthetic;

/// <summary>A country of origin and its relative weight among the origins of a commodity.</summary>
public sealed record OriginShare(string Country, int Weight);

/// <summary>
/// How one kind of goods typically moves: its HS 2022 subheading, value per kilogram in EUR, consignment mass,
/// where it comes from and how it is packed. Values are orders of magnitude from trade statistics, not prices.
/// </summary>
public sealed record CommodityProfile
{
    public required string HsCode { get; init; }

    /// <summary>Commercial descriptions a trader would write; one is picked per item.</summary>
    public required IReadOnlyList<string> Descriptions { get; init; }
    public required decimal EurPerKg { get; init; }
    public required decimal MinKg { get; init; }
    public required decimal MaxKg { get; init; }
    public required IReadOnlyList<OriginShare> Origins { get; init; }

    /// <summary>Relative frequency among importers' lines of business.</summary>
    public int Popularity { get; init; } = 1;

    /// <summary>Share of consignments flown, when light enough: small high-value goods.</summary>
    public double AirShare { get; init; }

    /// <summary>False for goods carried roll-on/roll-off or as break bulk (cars, steel plate).</summary>
    public bool Containerised { get; init; } = true;
    public string PackageType { get; init; } = "CT";
    public decimal KgPerPackage { get; init; } = 10m;

    /// <summary>Supplementary unit (NAR items, PR pairs, LTR litres, MIL thousand items) and its net mass.</summary>
    public string? QuantityUnit { get; init; }
    public decimal KgPerUnit { get; init; }

    /// <summary>A neighbouring code with a lower duty, as misclassified by fraudsters; null where none tempts.</summary>
    public string? CheaperHsCode { get; init; }
    public string? CheaperDescription { get; init; }

    /// <summary>Whether the declaring country also exports these goods.</summary>
    public bool Exported { get; init; }
}
