using System.Text.Json;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Domain.Risk;

/// <summary>Reads criteria as analysts write them: one object, or an array as in the shipped example file.</summary>
public static class CriterionJson
{
    /// <summary>The declaration's JSON conventions: camelCase, lane names as text, unknown properties refused.</summary>
    public static JsonSerializerOptions Options => DeclarationJson.Options;

    /// <summary>One criterion, or the refusal whose one issue says where it does not read.</summary>
    public static Outcome<CriterionDocument> Parse(string json) => Read<CriterionDocument>(json, "The criterion could not be read.");

    /// <summary>An array of criteria; an error's pointer starts with the criterion's index (<c>/3/when/op</c>).</summary>
    public static Outcome<IReadOnlyList<CriterionDocument>> ParseList(string json) =>
        Read<List<CriterionDocument>>(json, "The criteria could not be read.").Then<IReadOnlyList<CriterionDocument>>(documents => documents);

    public static string Serialize(CriterionDocument document) => JsonSerializer.Serialize(document, Options);

    private static Outcome<T> Read<T>(string json, string title)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var value = JsonSerializer.Deserialize<T>(json, Options);
            return value is null ? Refusal.Invalid(title, [new Issue("json.invalid", "The criteria document is empty.", "")]) : value;
        }
        catch (JsonException ex)
        {
            return Refusal.Invalid(title, [JsonErrors.Issue("json.invalid", ex)]);
        }
    }
}
