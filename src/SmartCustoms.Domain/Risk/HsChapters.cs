namespace SmartCustoms.Domain.Risk;

/// <summary>
/// Sets of HS chapters as 100 bits. A criterion that needs an item of chapter 93 cannot hit a declaration of
/// laptops and T-shirts, and one AND of two masks says so without evaluating the criterion.
/// </summary>
internal static class HsChapters
{
    public static readonly UInt128 Any = UInt128.MaxValue;

    /// <summary>The chapter of an HS code; every chapter when the code does not start with two digits, as it is then unknown.</summary>
    public static UInt128 Of(string? hsCode) =>
        hsCode is { Length: >= 2 } && char.IsAsciiDigit(hsCode[0]) && char.IsAsciiDigit(hsCode[1])
            ? UInt128.One << (((hsCode[0] - '0') * 10) + (hsCode[1] - '0'))
            : Any;

    /// <summary>The chapters a positive hsCode comparison can match, or every chapter when the values do not pin them down.</summary>
    public static UInt128 Matching(string op, LeafValues values)
    {
        string[]? codes = op switch
        {
            "eq" => [values.String()!],
            "in" => values.Strings(),
            "startsWith" => values.OneOrMoreStrings(),
            _ => null,
        };
        if (codes is null)
        {
            return Any;
        }

        UInt128 chapters = 0;
        foreach (var code in codes)
        {
            if (code.Length == 1 && op == "startsWith" && char.IsAsciiDigit(code[0]))
            {
                // A one-digit prefix such as "8" covers chapters 80 to 89.
                chapters |= ((UInt128.One << 10) - 1) << ((code[0] - '0') * 10);
                continue;
            }

            var chapter = Of(code);
            if (chapter == Any)
            {
                return Any;
            }

            chapters |= chapter;
        }

        return chapters;
    }
}
