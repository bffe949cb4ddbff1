using System.Globalization;
using SmartCustoms.Domain.ReferenceData;

namespace SmartCustoms.Domain.Validation;

/// <summary>Checks shared by every part of the declaration: presence, length, code lists.</summary>
internal static class Fields
{
    /// <summary>Masses, quantities and amounts above this are taken as typing or encoding mistakes.</summary>
    public const decimal MaxMagnitude = 1_000_000_000_000m;

    public static bool Required(IssueList issues, string? value, string pointer, string what)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        issues.Error("required", $"{what} is required.", pointer);
        return false;
    }

    public static void Text(IssueList issues, string? value, int maxLength, string pointer, string what)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > maxLength)
        {
            issues.Error("too-long", $"{what} is {value.Length} characters long; at most {maxLength} are allowed.", pointer);
        }
        else if (value.AsSpan().IndexOfAnyInRange('\0', '\u001f') >= 0)
        {
            issues.Error("control-character", $"{what} contains a control character.", pointer);
        }
    }

    public static void Country(IssueList issues, ReferenceCatalog catalog, string? code, string pointer, string what)
    {
        if (code is not null && !catalog.IsCountry(code))
        {
            issues.Error("country.unknown", $"{what} '{code}' is not an ISO 3166 alpha-2 country code.", pointer);
        }
    }

    public static void Currency(IssueList issues, ReferenceCatalog catalog, string? code, string pointer)
    {
        if (code is null)
        {
            issues.Error("required", "The currency is required with an amount.", pointer);
        }
        else if (!catalog.IsCurrency(code))
        {
            issues.Error("currency.unknown", $"'{code}' is not a current ISO 4217 currency code.", pointer);
        }
    }

    public static void Location(IssueList issues, ReferenceCatalog catalog, string? code, string pointer, string what)
    {
        // Only five-character codes claim to be UN/LOCODEs; national location ids (e.g. GB's WLALONBTW) are longer.
        if (code is { Length: 5 } && !catalog.IsLocation(code))
        {
            issues.Error("location.unknown", $"{what} '{code}' is not a UN/LOCODE.", pointer);
        }
    }

    public static void Amount(IssueList issues, decimal? value, string pointer, string what, bool allowZero = true)
    {
        if (value is not { } v)
        {
            return;
        }

        if (v < 0 || (!allowZero && v == 0))
        {
            issues.Error("out-of-range", $"{what} must be {(allowZero ? "zero or more" : "more than zero")}; it is {v.ToString(CultureInfo.InvariantCulture)}.", pointer);
        }
        else if (v > MaxMagnitude)
        {
            issues.Error("out-of-range", $"{what} of {v.ToString(CultureInfo.InvariantCulture)} is implausibly large.", pointer);
        }
    }

    public static string Index(string prefix, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}/{index}");
}
