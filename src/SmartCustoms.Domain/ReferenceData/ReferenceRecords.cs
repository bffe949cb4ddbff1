namespace SmartCustoms.Domain.ReferenceData;

/// <summary>An HS 2022 chapter (level 2), heading (level 4) or subheading (level 6).</summary>
public sealed record HsEntry(string Code, string Description, int Level);

/// <summary>An ISO 3166-1 country. <see cref="Currency"/> is the first ISO 4217 code listed for it, null where none is.</summary>
public sealed record Country(string Alpha2, string Alpha3, string Numeric, string Name, string? Currency);

/// <summary>
/// A current ISO 4217 currency. <see cref="MinorUnit"/> is -1 where ISO 4217 gives none
/// (precious metals, SDR and other units of account), so that rounding to it fails loudly instead of silently.
/// </summary>
public sealed record Currency(string Code, string Numeric, int MinorUnit, string Name)
{
    public bool HasMinorUnit => MinorUnit >= 0;
}

/// <summary>
/// A UN/LOCODE location. <see cref="Functions"/> is the eight-position function classifier, e.g. <c>12345---</c>:
/// a digit in its own position marks the function (1 port, 2 rail, 3 road, 4 airport, 5 postal exchange office...).
/// </summary>
public sealed record Location(string Code, string Country, string Name, string Functions)
{
    public bool IsPort => HasFunction('1');

    /// <summary>A UPU-recognised international mail processing centre: where postal consignments clear customs.</summary>
    public bool IsPostalExchangeOffice => HasFunction('5');

    private bool HasFunction(char digit)
    {
        var position = digit - '1';
        return position < Functions.Length && Functions[position] == digit;
    }
}
