using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using SmartCustoms.Domain.Outcomes;

namespace SmartCustoms.Domain.Validation;

/// <summary>
/// Reading text out of JSON a client sent. The parser takes a string holding a lone surrogate (<c>"\ud800"</c>) or bytes
/// that are not UTF-8, and only fails later, when the text is read (<see cref="JsonElement.GetString"/>,
/// <see cref="JsonProperty.Name"/>, <see cref="JsonElement.GetRawText"/>) or written back out. Read request-derived
/// elements through here: a string that is not well-formed is a refusal at its pointer, never an exception.
/// </summary>
public static class JsonText
{
    public const string Code = "json.text";

    public const string Message = "the text is not valid Unicode: a lone surrogate such as \\ud800, or bytes that are not UTF-8";

    /// <summary>The element's text when it is a JSON string whose text is well-formed; false for any other kind or malformed text.</summary>
    public static bool TryGetString(JsonElement element, [NotNullWhen(true)] out string? value)
    {
        value = null;
        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        try
        {
            value = element.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The text of property <paramref name="name"/> of an object, when it is a well-formed JSON string.</summary>
    public static string? StringProperty(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && TryGetString(value, out var text) ? text : null;

    /// <summary>
    /// The first string or property name of the element, at any depth, whose text is not well-formed, as an issue at
    /// its pointer (under <paramref name="pointer"/>); null when every text reads. Once an element passes, its strings,
    /// names and raw text can be read and written back without failing.
    /// </summary>
    public static Issue? Check(JsonElement element, string pointer = "") => Find(element, pointer ?? "") is { } at ? new Issue(Code, Message, at) : null;

    private static string? Find(JsonElement element, string pointer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return TryGetString(element, out _) ? null : pointer;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return pointer;
                    }

                    if (Find(property.Value, pointer + "/" + Escape(name)) is { } at)
                    {
                        return at;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item, pointer + "/" + index.ToString(CultureInfo.InvariantCulture)) is { } at)
                    {
                        return at;
                    }

                    index++;
                }

                return null;
            default:
                return null;
        }
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
