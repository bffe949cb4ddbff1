using System.Globalization;
using System.Xml.Linq;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Domain.Declarations.Wco;

/// <summary>
/// Collects every value that cannot be read, with its WCO pointer, so that one submission reports all its
/// faults at once instead of stopping at the first.
/// </summary>
internal sealed class WcoReadContext
{
    /// <summary>No mass, amount or count comes near this: a bigger value is an encoding fault, not a declaration.</summary>
    public const decimal MaxMagnitude = 1_000_000_000_000_000m;

    // Exponents and thousands separators are refused: "1,000" and "1e3" are ambiguous across trader systems.
    private const NumberStyles Numbers = NumberStyles.Number & ~NumberStyles.AllowThousands;

    private readonly List<Issue> issues = [];

    public IReadOnlyList<Issue> Issues => issues;

    public void Report(string code, string message, string pointer) => issues.Add(new Issue(code, message, pointer));

    public decimal? Decimal(XElement? element)
    {
        var text = element.Text();
        if (element is null || text is null)
        {
            return null;
        }

        if (!decimal.TryParse(text, Numbers, CultureInfo.InvariantCulture, out var value))
        {
            Report("xml.invalid-number", $"{element.Name.LocalName} '{Shorten(text)}' is not a decimal number.", WcoXml.PointerOf(element));
            return null;
        }

        if (Math.Abs(value) > MaxMagnitude)
        {
            Report("xml.number-out-of-range", $"{element.Name.LocalName} {Shorten(text)} is larger than any real declaration value.", WcoXml.PointerOf(element));
            return null;
        }

        return value;
    }

    public int? Integer(XElement? element)
    {
        if (Decimal(element) is not { } value)
        {
            return null;
        }

        if (decimal.Truncate(value) != value || value is > int.MaxValue or < int.MinValue)
        {
            Report("xml.invalid-number", $"{element!.Name.LocalName} {value.ToString(CultureInfo.InvariantCulture)} is not a whole number.", WcoXml.PointerOf(element));
            return null;
        }

        return (int)value;
    }

    /// <summary>An amount with its <c>currencyID</c> attribute.</summary>
    public Money? Money(XElement? element)
    {
        var currency = element.AttributeText("currencyID");
        var amount = Decimal(element);
        return amount is null && currency is null ? null : new Money { Amount = amount, Currency = currency };
    }

    /// <summary>A mass in kilograms: the only unit the canonical model holds.</summary>
    public decimal? Kilograms(XElement? element)
    {
        var unit = element.AttributeText("unitCode");
        if (element is not null && unit is not null && !string.Equals(unit, "KGM", StringComparison.Ordinal))
        {
            Report("xml.unsupported-unit", $"{element.Name.LocalName} is in '{Shorten(unit)}'; masses must be given in kilograms (KGM).", WcoXml.PointerOfAttribute(element, "unitCode"));
            return null;
        }

        return Decimal(element);
    }

    /// <summary>A WCO date-time holder (e.g. IssueDateTime) whose DateTimeString carries an EDIFACT 2379 formatCode.</summary>
    public DateTimeOffset? DateTime(XElement? holder)
    {
        var element = holder.Child("DateTimeString");
        var text = element.Text();
        if (element is null || text is null)
        {
            return null;
        }

        var format = element.AttributeText("formatCode");
        var value = format switch
        {
            "304" => WcoDates.ParseDateTimeWithZone(text),
            "102" => WcoDates.ParseDate(text),
            _ => null,
        };
        if (value is null)
        {
            var expected = format is "304" or "102" ? $"format {format}" : "formatCode 304 (yyyyMMddHHmmss plus zone) or 102 (yyyyMMdd)";
            Report("xml.invalid-date", $"DateTimeString '{Shorten(text)}' does not match {expected}.", WcoXml.PointerOf(element));
        }

        return value;
    }

    /// <summary>Echoed values are cut short so that a hostile document cannot inflate the error report.</summary>
    public static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
