using System.Text.Json.Serialization;

namespace SmartCustoms.Domain.Declarations;

/// <summary>
/// The canonical goods declaration, named after the WCO Data Model. Every field is optional at this
/// level so that a submission can be read whole and all its faults reported at once; the validator
/// decides what is required.
/// </summary>
public sealed record Declaration
{
    /// <summary>WCO TypeCode: IM, EX or CO followed by the additional type letter, e.g. IMA, EXD, IMZ.</summary>
    public string? Type { get; init; }

    /// <summary>WCO FunctionCode: 9 = original declaration.</summary>
    public string? FunctionCode { get; init; }

    /// <summary>The trader's own reference (LRN), WCO FunctionalReferenceID. Unique per declarant.</summary>
    public string? Lrn { get; init; }

    public string? DeclarationOffice { get; init; }
    public string? SupervisingOffice { get; init; }
    public string? ExitOffice { get; init; }

    /// <summary>When the declarant issued the declaration (WCO IssueDateTime).</summary>
    public DateTimeOffset? IssueDateTime { get; init; }

    public Party? Declarant { get; init; }
    public Party? Importer { get; init; }
    public Party? Exporter { get; init; }
    public Party? Consignor { get; init; }
    public Party? Consignee { get; init; }
    public Party? Agent { get; init; }
    public Party? Carrier { get; init; }
    public IReadOnlyList<AuthorisationHolder> AuthorisationHolders { get; init; } = [];

    public string? ExportCountry { get; init; }
    public string? DestinationCountry { get; init; }
    public IReadOnlyList<string> RoutingCountries { get; init; } = [];

    /// <summary>UN/LOCODE of the place where the goods can be examined, when given as one.</summary>
    public string? GoodsLocation { get; init; }

    public Transport? Transport { get; init; }

    public int? GoodsItemQuantity { get; init; }
    public int? TotalPackageQuantity { get; init; }
    public decimal? TotalGrossMass { get; init; }

    public Money? InvoiceAmount { get; init; }

    /// <summary>Units of national currency per unit of the invoice currency, when the declarant states it.</summary>
    public decimal? ExchangeRate { get; init; }

    public string? TradeTermsCode { get; init; }
    public string? TradeTermsLocation { get; init; }

    public IReadOnlyList<GoodsItem> Items { get; init; } = [];
    public IReadOnlyList<DocumentReference> PreviousDocuments { get; init; } = [];
    public IReadOnlyList<DocumentReference> AdditionalDocuments { get; init; } = [];

    /// <summary>IM, EX or CO: the first two letters of <see cref="Type"/>.</summary>
    [JsonIgnore]
    public string? Category => Type is { Length: >= 2 } t ? t[..2] : null;

    [JsonIgnore]
    public bool IsImport => string.Equals(Category, "IM", StringComparison.Ordinal);
    [JsonIgnore]
    public bool IsExport => string.Equals(Category, "EX", StringComparison.Ordinal);
}

public sealed record Party
{
    /// <summary>Identifier such as an EORI or a national trader number.</summary>
    public string? Id { get; init; }
    public string? Name { get; init; }
    public Address? Address { get; init; }

    /// <summary>For an agent: the WCO FunctionCode (2 = direct, 3 = indirect representation).</summary>
    public string? FunctionCode { get; init; }
}

public sealed record Address
{
    public string? Line { get; init; }
    public string? City { get; init; }
    public string? Postcode { get; init; }
    public string? Country { get; init; }
}

public sealed record AuthorisationHolder
{
    public string? Id { get; init; }
    public string? Category { get; init; }
}

public sealed record Money
{
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }
}

public sealed record DocumentReference
{
    public string? Category { get; init; }
    public string? Type { get; init; }
    public string? Id { get; init; }
    public int? Line { get; init; }
}
