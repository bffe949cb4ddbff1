using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SmartCustoms.Domain.Outcomes;

namespace SmartCustoms.Domain.Validation;

/// <summary>Turns System.Text.Json's exceptions into what a trader or analyst can act on: a message and a JSON Pointer.</summary>
public static partial class JsonErrors
{
    public static Issue Issue(string code, JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new Issue(code, Message(exception), Pointer(exception.Path));
    }

    /// <summary>The serializer's message in a user's words: no path in its own syntax, no .NET type names.</summary>
    public static string Message(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message;
        if (UnknownMember().Match(message) is { Success: true } unknown)
        {
            return $"unknown field '{unknown.Groups[1].Value}'";
        }

        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            return "required field missing: " + missing.Groups[1].Value.TrimEnd('.');
        }

        if (NotConvertible().Match(message) is { Success: true } convert)
        {
            return $"the value must be {Words(convert.Groups[1].Value)}";
        }

        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        if (ReaderPosition().Match(message) is { Success: true } position)
        {
            // The reader counts from 0; people count lines and characters from 1.
            var line = long.Parse(position.Groups[1].ValueSpan, CultureInfo.InvariantCulture) + 1;
            var column = long.Parse(position.Groups[2].ValueSpan, CultureInfo.InvariantCulture) + 1;
            message = string.Create(CultureInfo.InvariantCulture, $"not valid JSON: {message[..position.Index].TrimEnd(' ', '.')} (line {line}, position {column})");
        }

        return TypeName().Replace(message, m => Words(m.Value));
    }

    /// <summary>The kind of value a .NET type stands for, in words.</summary>
    public static string Words(string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        // Both spellings: the serializer's (System.Nullable`1[System.Int32]) and a parameter's in C# (int?).
        var type = typeName.Replace("System.Nullable`1[", "", StringComparison.Ordinal).TrimEnd(']', '?');
        var simple = type[(type.LastIndexOf('.') + 1)..];
        return simple switch
        {
            "Int32" or "Int64" or "Int16" or "Byte" or "UInt32" or "UInt64" or "int" or "long" or "short" or "byte" => "a whole number",
            "Decimal" or "Double" or "Single" or "decimal" or "double" or "float" => "a number",
            "String" or "Char" or "string" => "text",
            "Boolean" or "bool" => "true or false",
            "DateOnly" => "a date (YYYY-MM-DD)",
            "DateTimeOffset" or "DateTime" => "a date and time (ISO 8601)",
            "TimeSpan" => "a duration",
            "Guid" => "an identifier (GUID)",
            _ when simple.StartsWith("IReadOnlyList`", StringComparison.Ordinal) || simple.StartsWith("List`", StringComparison.Ordinal)
                || simple.EndsWith("[]", StringComparison.Ordinal) => "a list",
            _ when simple.StartsWith("Dictionary`", StringComparison.Ordinal) || simple.StartsWith("IReadOnlyDictionary`", StringComparison.Ordinal) => "an object",
            _ => "a value of the documented shape",
        };
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

    [GeneratedRegex("^The JSON property '(.*)' could not be mapped to any .NET member", RegexOptions.Singleline)]
    private static partial Regex UnknownMember();

    [GeneratedRegex("was missing required properties,? including: (.*)$", RegexOptions.Singleline)]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"^The JSON value could not be converted to ([^\s.]+(?:\.[^\s.]+)*)\.?\s")]
    private static partial Regex NotConvertible();

    [GeneratedRegex(@"LineNumber: (\d+) \| BytePositionInLine: (\d+)\.?")]
    private static partial Regex ReaderPosition();

    [GeneratedRegex(@"\b(?:System|SmartCustoms)(?:\.[A-Za-z0-9_`\[\]]+)+")]
    private static partial Regex TypeName();
}
