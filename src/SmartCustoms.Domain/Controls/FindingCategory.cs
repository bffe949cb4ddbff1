using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartCustoms.Domain.Controls;

/// <summary>What an inspection found wrong. Written in JSON as kebab-case names, e.g. <c>misclassified-hs</c>.</summary>
[JsonConverter(typeof(FindingCategoryConverter))]
public enum FindingCategory
{
    /// <summary>The goods belong under another HS code (often one with a higher duty).</summary>
    MisclassifiedHs,
    /// <summary>The declared value is below the real transaction value.</summary>
    Undervaluation,
    /// <summary>The declared origin (or preference) is wrong.</summary>
    Origin,
    /// <summary>Quantity or mass differs from what was declared.</summary>
    Quantity,
    /// <summary>Prohibited or restricted goods (licence missing, counterfeit, dangerous goods, ...).</summary>
    ProhibitedOrRestricted,
    Other,
}

public static class FindingCategories
{
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<FindingCategory>().Select(NameOf)];

    public static string NameOf(FindingCategory category) => JsonNamingPolicy.KebabCaseLower.ConvertName(category.ToString());

    public static bool TryParse(string? name, out FindingCategory category)
    {
        foreach (var candidate in Enum.GetValues<FindingCategory>())
        {
            if (string.Equals(NameOf(candidate), name, StringComparison.Ordinal))
            {
                category = candidate;
                return true;
            }
        }

        category = default;
        return false;
    }
}

internal sealed class FindingCategoryConverter : JsonConverter<FindingCategory>
{
    public override FindingCategory Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && FindingCategories.TryParse(reader.GetString(), out var category)
            ? category
            : throw new JsonException($"A finding category is one of {string.Join(", ", FindingCategories.Names)}.");

    public override void Write(Utf8JsonWriter writer, FindingCategory value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(FindingCategories.NameOf(value));
    }
}
