using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace SmartCustoms.Server.Portal;

/// <summary>
/// How a user's language writes numbers: the decimal mark and the mark grouping thousands. The node runs with
/// invariant globalization, so the conventions the portal reads are listed here, from CLDR's defaults; a language
/// not listed has no convention, and a number whose reading would depend on one is refused rather than guessed.
/// </summary>
public sealed record NumberConvention(string Language, char DecimalMark, char GroupMark)
{
    private static readonly NumberConvention Point = new("", '.', ',');
    private static readonly NumberConvention Comma = new("", ',', '.');
    private static readonly NumberConvention CommaSpace = new("", ',', ' ');
    private static readonly NumberConvention PointApostrophe = new("", '.', '\'');

    private static readonly Dictionary<string, NumberConvention> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ar"] = Point, ["en"] = Point, ["zh"] = Point, ["ja"] = Point, ["ko"] = Point, ["hi"] = Point, ["th"] = Point,
        ["he"] = Point, ["ms"] = Point, ["sw"] = Point, ["fil"] = Point,
        ["es"] = Comma, ["de"] = Comma, ["it"] = Comma, ["pt"] = Comma, ["nl"] = Comma, ["tr"] = Comma, ["id"] = Comma,
        ["vi"] = Comma, ["da"] = Comma, ["el"] = Comma, ["ro"] = Comma, ["hr"] = Comma, ["sr"] = Comma, ["sl"] = Comma,
        ["fr"] = CommaSpace, ["ru"] = CommaSpace, ["uk"] = CommaSpace, ["pl"] = CommaSpace, ["cs"] = CommaSpace,
        ["sk"] = CommaSpace, ["sv"] = CommaSpace, ["fi"] = CommaSpace, ["nb"] = CommaSpace, ["hu"] = CommaSpace,
        ["bg"] = CommaSpace, ["kk"] = CommaSpace, ["uz"] = CommaSpace, ["az"] = CommaSpace, ["ka"] = CommaSpace,
        // Regions whose marks differ from their language's.
        ["es-MX"] = Point, ["es-US"] = Point, ["es-PR"] = Point, ["es-GT"] = Point, ["es-HN"] = Point, ["es-NI"] = Point,
        ["es-PA"] = Point, ["es-SV"] = Point, ["es-DO"] = Point, ["de-CH"] = PointApostrophe, ["it-CH"] = PointApostrophe,
        ["de-LI"] = PointApostrophe, ["en-ZA"] = CommaSpace, ["pt-PT"] = CommaSpace, ["fr-CH"] = new("", ',', ' '),
    };

    /// <summary>The convention of <paramref name="language"/> (a tag such as <c>fr</c> or <c>es-MX</c>), or null when it is not known.</summary>
    public static NumberConvention? For(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        var tag = language.Trim();
        if (ByLanguage.TryGetValue(tag, out var exact))
        {
            return exact with { Language = tag };
        }

        var dash = tag.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && ByLanguage.TryGetValue(tag[..dash], out var general) ? general with { Language = tag } : null;
    }

    /// <summary>The convention of the first language in the request's <c>Accept-Language</c> (by quality) that has one.</summary>
    public static NumberConvention? Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        IList<StringWithQualityHeaderValue> languages;
        try
        {
            languages = request.GetTypedHeaders().AcceptLanguage;
        }
        catch (FormatException)
        {
            return null;
        }

        return languages
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => For(l.Value.Value))
            .FirstOrDefault(c => c is not null);
    }

    /// <summary>An example of a grouped amount with decimals written this way, e.g. <c>1.250,50</c>.</summary>
    public string Example => $"1{(GroupMark == ' ' ? "\u00a0" : GroupMark.ToString())}250{DecimalMark}50";

    /// <summary><paramref name="value"/> written this way with two decimals, e.g. <c>1 250,00</c>.</summary>
    public string Format(decimal value)
    {
        var invariant = value.ToString("#,0.00##", System.Globalization.CultureInfo.InvariantCulture);
        return string.Concat(invariant.Select(c => c switch
        {
            ',' => GroupMark == ' ' ? '\u00a0' : GroupMark,
            '.' => DecimalMark,
            _ => c,
        }));
    }
}
