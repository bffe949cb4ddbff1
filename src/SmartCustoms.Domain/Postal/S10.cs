using System.Collections.Frozen;
using System.Text.Json;
using SmartCustoms.Domain.ReferenceData;

namespace SmartCustoms.Domain.Postal;

/// <summary>
/// UPU S10 item ids as the issuing posts use them: 2 service letters, 8 digits, the check digit, and the country of
/// a post in the S10 lookup (191 posts, <c>Postal/Data/s10.json</c>; MIT, see its NOTICE). An id whose digit is
/// right but whose country is no issuing post (<c>RB123456785XX</c>) is refused like a wrong digit.
/// </summary>
public static class S10
{
    private static readonly Lazy<(FrozenSet<string> Countries, FrozenDictionary<char, string> Services)> Lookup = new(Load);

    public static int IssuingPostCount => Lookup.Value.Countries.Count;

    /// <summary>The id without spaces, upper case: the form keys and answers use.</summary>
    public static string Normalise(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return string.Concat(id.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
    }

    /// <summary>Why a normalised id is not a valid S10 id: null when it is.</summary>
    public static string? Fault(string normalised)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        if (normalised.Length != 13 || !IsLetters(normalised.AsSpan(0, 2)) || !IsDigits(normalised.AsSpan(2, 9)) || !IsLetters(normalised.AsSpan(11)))
        {
            return "format";
        }

        if (PostalItemId.ComputeCheckDigit(normalised.AsSpan(2, 8)) != normalised[10])
        {
            return "check-digit";
        }

        return Lookup.Value.Countries.Contains(normalised[11..]) ? null : "country";
    }

    /// <summary>The service the first letter stands for (EMS, registered, e-commerce parcel...), null when the lookup has none.</summary>
    public static string? Service(string normalised) =>
        normalised is { Length: > 0 } && Lookup.Value.Services.TryGetValue(normalised[0], out var name) ? name : null;

    private static bool IsLetters(ReadOnlySpan<char> span) => !span.ContainsAnyExceptInRange('A', 'Z');

    private static bool IsDigits(ReadOnlySpan<char> span) => !span.ContainsAnyExceptInRange('0', '9');

    private static (FrozenSet<string>, FrozenDictionary<char, string>) Load()
    {
        using var stream = typeof(S10).Assembly.GetManifestResourceStream("SmartCustoms.Postal.s10.json")
            ?? throw new InvalidOperationException("The S10 lookup is not embedded.");
        using var document = JsonDocument.Parse(stream);
        var definition = document.RootElement.GetProperty("tracking_numbers")[0];
        var countries = new HashSet<string>(StringComparer.Ordinal);
        var services = new Dictionary<char, string>();
        foreach (var group in definition.GetProperty("additional").EnumerateArray())
        {
            foreach (var entry in group.GetProperty("lookup").EnumerateArray())
            {
                if (entry.TryGetProperty("matches", out var country))
                {
                    countries.Add(country.GetString()!);
                }
                else if (entry.TryGetProperty("matches_regex", out var pattern) && pattern.GetString() is [var letter, ..])
                {
                    services[letter] = entry.GetProperty("name").GetString()!;
                }
            }
        }

        return (countries.ToFrozenSet(StringComparer.Ordinal), services.ToFrozenDictionary());
    }
}
