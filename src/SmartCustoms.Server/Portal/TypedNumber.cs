using System.Globalization;
using System.Text;
using SmartCustoms.Domain.Outcomes;

namespace SmartCustoms.Server.Portal;

/// <summary>
/// Reads a number as a person typed it into a portal field. Spaces, a comma or a point may group thousands or mark
/// decimals; the reading is the only one the text allows (<c>12,50</c> has no thousands, so it is twelve and a half
/// everywhere), and only where both readings fit (<c>1,250</c>) does the user's language decide. Where it cannot,
/// the number is refused, never guessed.
/// </summary>
public static class TypedNumber
{
    public const int MaxDecimals = 4;
    private const int MaxLength = 40;

    /// <summary>An amount: at most <see cref="MaxDecimals"/> decimals; the sign is left to the use case to judge.</summary>
    public static Outcome<decimal> ReadAmount(string text, NumberConvention? convention, string field, string pointer)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(field);
        return Read(text, convention, field, pointer, wholeOnly: false);
    }

    /// <summary>A whole number (a count of days, items, ...).</summary>
    public static Outcome<int> ReadWholeNumber(string text, NumberConvention? convention, string field, string pointer)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(field);
        if (!Read(text, convention, field, pointer, wholeOnly: true).TryGetValue(out var value, out var refusal))
        {
            return refusal;
        }

        return value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : Refuse(field, pointer, $"{field}: '{Shown(text)}' is too large.", "number.invalid");
    }

    /// <summary>
    /// Whether a reading of <paramref name="text"/> deserves to be shown back before it is used: anything but plain
    /// digits with at most a decimal point that cannot be a thousands mark (<c>1250</c>, <c>1250.5</c>, <c>12.50</c>).
    /// </summary>
    public static bool NeedsShowBack(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var typed = Normalise(text).TrimStart('-');
        var point = typed.IndexOf('.', StringComparison.Ordinal);
        var plain = typed.Length > 0 && typed.All(c => char.IsAsciiDigit(c) || c == '.') && typed.Count(c => c == '.') <= 1;
        return !plain || (point is > 0 and <= 3 && typed.Length - point - 1 == 3);
    }

    /// <summary>An amount spelled without any mark that a reader could take either way: <c>1250 and 50/100</c>.</summary>
    public static string Spelled(decimal amount)
    {
        var text = Math.Abs(amount).ToString(CultureInfo.InvariantCulture);
        var sign = amount < 0 ? "minus " : "";
        var point = text.IndexOf('.', StringComparison.Ordinal);
        if (point < 0)
        {
            return sign + text + ", no decimals";
        }

        var fraction = text[(point + 1)..];
        return $"{sign}{text[..point]} and {fraction}/1{new string('0', fraction.Length)}";
    }

    private static Outcome<decimal> Read(string text, NumberConvention? convention, string field, string pointer, bool wholeOnly)
    {
        var typed = Normalise(text);
        var example = wholeOnly ? "such as 30" : $"such as 1250.50 or {(convention ?? new NumberConvention("", '.', ',')).Example}";
        var notANumber = $"{field}: '{Shown(text)}' is not a {(wholeOnly ? "whole number" : "number")}; write it in digits, {example}.";
        if (typed.Length is 0 or > MaxLength)
        {
            return Refuse(field, pointer, notANumber, "number.invalid");
        }

        var negative = typed[0] == '-';
        var body = negative ? typed[1..] : typed;
        if (body.Length == 0 || !char.IsAsciiDigit(body[0]) || !char.IsAsciiDigit(body[^1]) || body.Any(c => !char.IsAsciiDigit(c) && c is not ('.' or ',' or ' ' or '\'')))
        {
            return Refuse(field, pointer, notANumber, "number.invalid");
        }

        var reading = Separate(body, convention);
        if (reading is null)
        {
            return Refuse(field, pointer, notANumber, "number.invalid");
        }

        var (whole, fraction) = reading.Value;
        if (fraction == Ambiguous)
        {
            var mark = body[body.IndexOfAny(['.', ','])];
            var parts = whole.Split(Mark);
            var decimals = parts[1].EndsWith('0') ? parts[1].TrimEnd('0') : parts[1] + "0";
            var asDecimals = decimals.Length == 0 ? parts[0] : $"{parts[0]}{mark}{decimals}";
            return Refuse(field, pointer,
                $"{field}: '{Shown(text)}' could be read two ways, because '{mark}' may group thousands or mark decimals. " +
                $"Type {parts[0]}{parts[1]} if you mean thousands, or {asDecimals} if you mean decimals.",
                "number.ambiguous");
        }

        if (wholeOnly && fraction.Length > 0)
        {
            return Refuse(field, pointer, $"{field}: '{Shown(text)}' is not a whole number; write it {example}.", "number.invalid");
        }

        if (fraction.Length > MaxDecimals)
        {
            return Refuse(field, pointer, $"{field}: '{Shown(text)}' has more than {MaxDecimals} decimals.", "number.invalid");
        }

        var digits = fraction.Length == 0 ? whole : whole + "." + fraction;
        return decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? negative ? -value : value
            : Refuse(field, pointer, $"{field}: '{Shown(text)}' is too large.", "number.invalid");
    }

    private const string Ambiguous = "?";
    private const char Mark = '|';

    /// <summary>The whole digits and the decimal digits, <see cref="Ambiguous"/> as decimals when the language must decide and cannot, or null when the marks fit no reading.</summary>
    private static (string Whole, string Fraction)? Separate(string body, NumberConvention? convention)
    {
        var marks = body.Where(c => !char.IsAsciiDigit(c)).Distinct().ToList();
        if (marks.Count == 0)
        {
            return (body, "");
        }

        var last = body[body.LastIndexOfAny(['.', ',', ' ', '\''])];
        if (last is '.' or ',' && body.Count(c => c == last) == 1)
        {
            // A point or comma used once, after any grouping marks: it marks the decimals, unless it is the only mark
            // and three digits follow it, when it may as well group thousands and the user's language decides.
            var at = body.LastIndexOf(last);
            var whole = Ungroup(body[..at]);
            var fraction = body[(at + 1)..];
            if (whole is null)
            {
                return null;
            }

            var thousandsToo = marks.Count == 1 && fraction.Length == 3 && Ungroup(body) is not null;
            if (!thousandsToo || convention?.DecimalMark == last)
            {
                return (whole, fraction);
            }

            return convention?.GroupMark == last ? (whole + fraction, "") : (whole + Mark + fraction, Ambiguous);
        }

        // Otherwise every mark groups thousands: 1,250,000 or 1 250 or 1'250.
        var ungrouped = Ungroup(body);
        return ungrouped is null ? null : (ungrouped, "");
    }

    /// <summary>The digits of a whole number grouped by threes with one mark (or none), or null when the groups are wrong.</summary>
    private static string? Ungroup(string whole)
    {
        var marks = whole.Where(c => !char.IsAsciiDigit(c)).Distinct().ToList();
        if (marks.Count == 0)
        {
            return whole;
        }

        if (marks.Count > 1)
        {
            return null;
        }

        var groups = whole.Split(marks[0]);
        return groups[0].Length is >= 1 and <= 3 && groups[0][0] != '0' && groups.Skip(1).All(g => g.Length == 3)
            ? string.Concat(groups)
            : null;
    }

    /// <summary>Digits of other scripts as ASCII digits, the Arabic decimal and thousands marks as '.' and ',', every kind of space as one space.</summary>
    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            builder.Append(c switch
            {
                '\u066b' => '.', // Arabic decimal separator
                '\u066c' => ',', // Arabic thousands separator
                '\u2019' or '\u02bc' => '\'',
                '\u2212' => '-',
                _ when char.IsWhiteSpace(c) => ' ',
                _ when char.IsDigit(c) && !char.IsAsciiDigit(c) => (char)('0' + (int)char.GetNumericValue(c)),
                _ => c,
            });
        }

        return builder.ToString();
    }

    private static string Shown(string text) => text.Length > MaxLength ? text[..MaxLength] + "…" : text.Trim();

    private static Refusal Refuse(string field, string pointer, string message, string code) =>
        Refusal.Invalid($"{field} is not a number the node can read.", [new Issue(code, message, pointer)]);
}
