using System.Collections.Frozen;

namespace SmartCustoms.Domain.Postal;

/// <summary>
/// EU Import One-Stop Shop numbers: <c>IM</c>, the ISO 3166-1 numeric code of the member state of identification (900
/// for Northern Ireland) and 7 digits, 12 characters. The check digit's algorithm is not public, so it is not checked.
/// </summary>
public static class Ioss
{
    private static readonly FrozenSet<string> MemberStates = new[]
    {
        "040", "056", "100", "191", "196", "203", "208", "233", "246", "250", "276", "300", "348", "372", "380", "428", "440",
        "442", "470", "528", "616", "620", "642", "703", "705", "724", "752", "900",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Without spaces, dashes and dots, upper case.</summary>
    public static string Compact(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return string.Concat(number.Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '.')).ToUpperInvariant();
    }

    /// <summary>Why a compacted number is no IOSS number, in words; null when it is one.</summary>
    public static string? Fault(string compact)
    {
        ArgumentNullException.ThrowIfNull(compact);
        if (compact.StartsWith("IN", StringComparison.Ordinal))
        {
            return "IN... is an intermediary's number, not the seller's IOSS number";
        }

        if (compact.StartsWith("EU", StringComparison.Ordinal))
        {
            return "EU... is a non-union OSS number, not an IOSS number";
        }

        if (!compact.StartsWith("IM", StringComparison.Ordinal))
        {
            return "an IOSS number starts with IM";
        }

        if (compact.Length != 12 || compact.AsSpan(2).ContainsAnyExceptInRange('0', '9'))
        {
            return "an IOSS number is IM and 10 digits";
        }

        return MemberStates.Contains(compact[2..5]) ? null : $"{compact[2..5]} is no EU member state's code (ISO 3166-1 numeric, 900 for Northern Ireland)";
    }
}
