using System.Buffers;
using System.Text;

namespace SmartCustoms.Domain.ReferenceData;

/// <summary>UPU S10 postal item identifiers, e.g. <c>RR123456785GB</c>: service letters, serial, check digit, country.</summary>
public static class PostalItemId
{
    private static ReadOnlySpan<byte> Weights => [8, 6, 4, 2, 3, 5, 9, 7];

    /// <summary>
    /// True for 2 letters, 8 digits, the matching check digit and an ISO 3166-1 country. Surrounding whitespace and
    /// lower case are tolerated, as for container numbers. The country must be in ISO 3166-1 as held by
    /// <see cref="ReferenceCatalog.Default"/>: UPU-only designations such as "UN" are rejected on purpose, to keep
    /// one country list for the whole declaration.
    /// </summary>
    public static bool IsValid(string? id)
    {
        var trimmed = id.AsSpan().Trim();
        if (trimmed.Length != 13)
        {
            return false;
        }
        Span<char> upper = stackalloc char[13];
        if (Ascii.ToUpper(trimmed, upper, out _) != OperationStatus.Done
            || !IsLetters(upper[..2])
            || !IsDigits(upper[2..11])
            || !IsLetters(upper[11..]))
        {
            return false;
        }
        return ComputeCheckDigit(upper[2..10]) == upper[10]
            && ReferenceCatalog.Default.IsCountry(new string(upper[11..]));
    }

    /// <summary>Weights 8,6,4,2,3,5,9,7; check = 11 − (sum mod 11), where 10 becomes 0 and 11 becomes 5.</summary>
    /// <exception cref="ArgumentException">Not exactly 8 ASCII digits.</exception>
    public static char ComputeCheckDigit(ReadOnlySpan<char> serial8)
    {
        if (serial8.Length != 8 || !IsDigits(serial8))
        {
            throw new ArgumentException("Expected an 8-digit serial number.", nameof(serial8));
        }
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (serial8[i] - '0') * Weights[i];
        }
        return (11 - sum % 11) switch
        {
            10 => '0',
            11 => '5',
            var check => (char)('0' + check),
        };
    }

    private static bool IsLetters(ReadOnlySpan<char> span) => !span.ContainsAnyExceptInRange('A', 'Z');

    private static bool IsDigits(ReadOnlySpan<char> span) => !span.ContainsAnyExceptInRange('0', '9');
}
