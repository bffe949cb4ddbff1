namespace SmartCustoms.Domain.Declarations;

/// <summary>
/// Movement reference numbers in the 18-character EU form: year (2), country (2), a unique code (12),
/// a procedure letter (1) and an ISO 6346-style check character (1).
/// </summary>
public static class Mrn
{
    public const int Length = 18;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    // 36^12; a multiplier coprime with 36 permutes the range, so consecutive sequence numbers
    // give unrelated-looking codes and an MRN does not reveal the node's volume.
    private static readonly UInt128 Space = (UInt128)4_738_381_338_321_616_896UL;
    private static readonly UInt128 Multiplier = 3_141_592_653_589_793_239UL;

    public static string Create(DateTimeOffset acceptedAt, string country, long sequence, string? declarationType)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        if (country is not { Length: 2 } || !char.IsAsciiLetter(country[0]) || !char.IsAsciiLetter(country[1]))
        {
            throw new ArgumentException("The node id must be a two-letter country code.", nameof(country));
        }

        Span<char> chars = stackalloc char[Length];
        var year = acceptedAt.UtcDateTime.Year % 100;
        chars[0] = (char)('0' + year / 10);
        chars[1] = (char)('0' + year % 10);
        chars[2] = char.ToUpperInvariant(country[0]);
        chars[3] = char.ToUpperInvariant(country[1]);
        var code = (UInt128)(ulong)sequence * Multiplier % Space;
        for (var i = 15; i >= 4; i--)
        {
            chars[i] = Alphabet[(int)(code % 36)];
            code /= 36;
        }

        chars[16] = ProcedureLetter(declarationType);
        chars[17] = CheckCharacter(chars[..17]);
        return new string(chars);
    }

    public static bool IsValid(string? mrn)
    {
        if (mrn is not { Length: Length })
        {
            return false;
        }

        foreach (var c in mrn)
        {
            if (!char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return CheckCharacter(mrn.AsSpan(0, 17)) == mrn[17];
    }

    /// <summary>Procedure indicator of the EU Customs Code: A export, R import, V special fiscal territories.</summary>
    private static char ProcedureLetter(string? type) => type switch
    {
        ['E', 'X', ..] => 'A',
        ['C', 'O', ..] => 'V',
        _ => 'R',
    };

    /// <summary>ISO 6346 weighting (letters from 10, skipping multiples of 11, positions weighted 2^i), mod 11 mod 10.</summary>
    private static char CheckCharacter(ReadOnlySpan<char> chars)
    {
        long sum = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            sum += Value(chars[i]) * (1L << i);
        }

        return (char)('0' + sum % 11 % 10);
    }

    private static int Value(char c) => char.IsAsciiDigit(c) ? c - '0' : LetterValues[c - 'A'];

    private static readonly int[] LetterValues = BuildLetterValues();

    private static int[] BuildLetterValues()
    {
        var values = new int[26];
        var v = 10;
        for (var i = 0; i < 26; i++, v++)
        {
            if (v % 11 == 0)
            {
                v++;
            }

            values[i] = v;
        }

        return values;
    }
}
