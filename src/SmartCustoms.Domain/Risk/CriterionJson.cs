using System.Text.Json;
using SmartCustoms.Domain.Declarations;

namespace SmartCustoms.Domain.Risk;

/// <summary>Reads criteria as analysts write them: one object, or an array as in the shipped example file.</summary>
public static class CriterionJson
{
    /// <summary>The declaration's JSON conventions: camelCase, lane names as text, unknown properties refused.</summary>
    public static JsonSerializerOptions Options => DeclarationJson.Options;

    public static (CriterionDocument? Document, string? Error) Parse(string json) => Read<CriterionDocument>(json);

    public static (IReadOnlyList<CriterionDocument>? Documents, string? Error) ParseList(string json)
    {
        var (documents, error) = Read<List<CriterionDocument>>(json);
        return (documents, error);
    }

    public static string Serialize(CriterionDocument document) => JsonSerializer.Serialize(document, Options);

    private static (T? Value, string? Error) Read<T>(string json)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var value = JsonSerializer.Deserialize<T>(json, Options);
            return value is null ? (null, "The criteria document is empty.") : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, $"Not a criteria document: {ex.Message}");
        }
    }
}
