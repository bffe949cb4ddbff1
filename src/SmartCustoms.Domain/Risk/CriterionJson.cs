using System.Text;
using System.Text.Json;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Domain.Risk;

/// <summary>Reads criteria as analysts write them: one object, or an array as in the shipped example file.</summary>
public static class CriterionJson
{
    /// <summary>The declaration's JSON conventions: camelCase, lane names as text, unknown properties refused.</summary>
    public static JsonSerializerOptions Options => DeclarationJson.Options;

    public static (CriterionDocument? Document, ValidationIssue? Error) Parse(string json) => Read<CriterionDocument>(json);

    /// <summary>An array of criteria; an error's pointer starts with the criterion's index (<c>/3/when/op</c>).</summary>
    public static (IReadOnlyList<CriterionDocument>? Documents, ValidationIssue? Error) ParseList(string json)
    {
        var (documents, error) = Read<List<CriterionDocument>>(json);
        return (documents, error);
    }

    public static string Serialize(CriterionDocument document) => JsonSerializer.Serialize(document, Options);

    private static (T? Value, ValidationIssue? Error) Read<T>(string json)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var value = JsonSerializer.Deserialize<T>(json, Options);
            return value is null ? (null, new ValidationIssue("json.invalid", "The criteria document is empty.", "")) : (value, null);
        }
        catch (JsonException ex)
        {
            // The serializer's message repeats the path in its own syntax; the pointer carries it in ours.
            var message = ex.Message;
            var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
            return (null, new ValidationIssue("json.invalid", cut > 0 ? message[..cut] : message, Pointer(ex.Path)));
        }
    }

    /// <summary>Turns the serializer's path (<c>$[1].when.all[0].field</c>) into a JSON Pointer (<c>/1/when/all/0/field</c>).</summary>
    private static string Pointer(string? path)
    {
        var pointer = new StringBuilder();
        var i = path is { Length: > 0 } && path[0] == '$' ? 1 : 0;
        while (path is not null && i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                Append(pointer, path[(i + 1)..end]);
                i = end;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                end = end < 0 ? path.Length : end;
                Append(pointer, path[(i + 1)..end].Trim('\''));
                i = end + 1;
            }
            else
            {
                i++;
            }
        }

        return pointer.ToString();
    }

    private static void Append(StringBuilder pointer, string step) =>
        pointer.Append('/').Append(step.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
}
