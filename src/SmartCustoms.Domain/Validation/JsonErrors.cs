using System.Text;
using System.Text.Json;

namespace SmartCustoms.Domain.Validation;

/// <summary>Turns System.Text.Json's exceptions into what a trader or analyst can act on: a message and a JSON Pointer.</summary>
public static class JsonErrors
{
    public static ValidationIssue Issue(string code, JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new ValidationIssue(code, Message(exception), Pointer(exception.Path));
    }

    /// <summary>The serializer's message without the path it repeats in its own syntax, and without .NET type names.</summary>
    public static string Message(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        return message.Replace("System.Nullable`1[", "", StringComparison.Ordinal)
            .Replace("System.Decimal]", "number", StringComparison.Ordinal)
            .Replace("System.Int32]", "whole number", StringComparison.Ordinal)
            .Replace("System.Decimal", "number", StringComparison.Ordinal)
            .Replace("System.Int32", "whole number", StringComparison.Ordinal)
            .Replace("System.String", "text", StringComparison.Ordinal);
    }

    /// <summary>The serializer's path (<c>$[1].when.all[0].field</c>, <c>$['a.b']</c>) as a JSON Pointer (<c>/1/when/all/0/field</c>).</summary>
    public static string Pointer(string? path)
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
                // A bracketed name may itself contain dots or brackets: it ends at the quote before ']'.
                var quoted = i + 1 < path.Length && path[i + 1] == '\'';
                var end = quoted ? path.IndexOf("']", i + 2, StringComparison.Ordinal) : path.IndexOf(']', i);
                end = end < 0 ? path.Length : end;
                Append(pointer, quoted ? path[(i + 2)..end] : path[(i + 1)..end]);
                i = end + (quoted ? 2 : 1);
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
