namespace SmartCustoms.Domain.Postal;

/// <summary>
/// One postal or express item's electronic advance data, CUSITM-like: the CN22/CN23 content as a post or carrier
/// sends it. Everything is optional on the wire so that <see cref="PostalValidation"/> can name each missing field.
/// </summary>
public sealed record PostalItem
{
    /// <summary>The UPU S10 barcode (<c>RR123456785GB</c>), or the carrier's own id when <see cref="ItemIdScheme"/> is <c>carrier</c>.</summary>
    public string? ItemId { get; init; }

    /// <summary><c>s10</c> (the default) or <c>carrier</c> for an express carrier's own item id.</summary>
    public string? ItemIdScheme { get; init; }

    /// <summary>gift, saleOfGoods, commercialSample, documents or returnedGoods.</summary>
    public string? Category { get; init; }

    /// <summary>Why the goods travel, required for returned goods (e.g. the original item id and the reason).</summary>
    public string? Explanation { get; init; }

    public PostalParty? Sender { get; init; }
    public PostalParty? Recipient { get; init; }
    public IReadOnlyList<ContentLine?> Contents { get; init; } = [];

    /// <summary>IOSS number or another tax registration of the seller or sender.</summary>
    public TaxRegistration? TaxRegistration { get; init; }

    /// <summary>Currency of <see cref="TotalValue"/> and <see cref="Postage"/> (ISO 4217).</summary>
    public string? Currency { get; init; }
    public decimal? TotalValue { get; init; }
    public decimal? Postage { get; init; }

    /// <summary>Total gross mass in kilograms.</summary>
    public decimal? GrossMass { get; init; }

    /// <summary>Office of departure, a UN/LOCODE (e.g. <c>CNSZX</c>).</summary>
    public string? DepartureOffice { get; init; }

    /// <summary>Office of arrival, a UN/LOCODE; an international mail processing centre has function 5.</summary>
    public string? ArrivalOffice { get; init; }
}

public sealed record PostalParty
{
    public string? Name { get; init; }
    public string? Address { get; init; }
    public string? Postcode { get; init; }
    public string? City { get; init; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Country { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
}

/// <summary>One content piece of the CN22/CN23: what it is, how many, how heavy, what it is worth and where it was made.</summary>
public sealed record ContentLine
{
    public string? Description { get; init; }

    /// <summary>HS code (6 digits, or 8/10 national digits), required on commercial items when known.</summary>
    public string? HsCode { get; init; }
    public decimal? Quantity { get; init; }

    /// <summary>Net mass in kilograms.</summary>
    public decimal? NetMass { get; init; }
    public decimal? Value { get; init; }

    /// <summary>ISO 4217 currency of <see cref="Value"/>.</summary>
    public string? Currency { get; init; }

    /// <summary>Country of origin (ISO 3166-1 alpha-2).</summary>
    public string? Origin { get; init; }
}

/// <summary>A tax registration: <c>ioss</c> (checked as an IOSS number), <c>vat</c>, <c>eori</c> or <c>other</c>.</summary>
public sealed record TaxRegistration
{
    public string? Type { get; init; }
    public string? Number { get; init; }
}

/// <summary>The CN22/CN23 category of an item.</summary>
public enum PostalCategory
{
    Gift,
    SaleOfGoods,
    CommercialSample,
    Documents,
    ReturnedGoods,
}
