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

    public static (CriterionDocument? Document, Issue? Error) Parse(string json) => Read<CriterionDocument>(json);

    /// <summary>An array of criteria; an error's pointer starts with the criterion's index (<c>/3/when/op</c>).</summary>
    public static (IReadOnlyList<CriterionDocument>? Documents, Issue? Error) ParseList(string json)
    {
        var (documents, error) = Read<List<CriterionDocument>>(json);
        return (documents, error);
    }

    public static string Serialize(CriterionDocument document) => JsonSerializer.Serialize(document, Options);

    private static (T? Value, Issue? Error) Read<T>(string json)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var value = JsonSerializer.Deserialize<T>(json, Options);
            return value is null ? (null, new Issue("json.invalid", "The criteria document is empty.", "")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, JsonErrors.Issue("json.invalid", ex));
        }
    }
}
