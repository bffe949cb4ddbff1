using System.Text.Json;
using SmartCustoms.Domain.Declarations.Wco;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Domain.Declarations;

public enum DeclarationFormat
{
    Json,
    WcoXml,
}

/// <summary>
/// A submitted declaration document: read from JSON or WCO DMS XML into the canonical model, with the
/// issues found on the way and the means to point at a field in the submitter's own format.
/// </summary>
public sealed record DeclarationDocument(Declaration? Declaration, IReadOnlyList<ValidationIssue> Issues, DeclarationFormat Format)
{
    public static DeclarationDocument Read(ReadOnlySpan<byte> bytes, DeclarationFormat format) =>
        format == DeclarationFormat.Json ? ReadJson(bytes) : ReadXml(bytes.ToArray());

    /// <summary>Guesses the format from the first non-blank character, for files without a declared type.</summary>
    public static DeclarationFormat Sniff(ReadOnlySpan<byte> bytes)
    {
        var start = bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
        var i = start.IndexOfAnyExcept(" \t\r\n"u8);
        return i >= 0 && start[i] == (byte)'<' ? DeclarationFormat.WcoXml : DeclarationFormat.Json;
    }

    /// <summary>Translates a canonical JSON Pointer to the form the submitter used: itself for JSON, a WCO path for XML.</summary>
    public string PointerFor(string jsonPointer) =>
        Format == DeclarationFormat.WcoXml && Declaration is not null && jsonPointer.StartsWith('/')
            ? WcoPointer.FromJsonPointer(jsonPointer, Declaration)
            : jsonPointer;

    private static DeclarationDocument ReadJson(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var declaration = JsonSerializer.Deserialize<Declaration>(bytes, DeclarationJson.Options);
            return declaration is null
                ? Failed("json.not-a-declaration", "The JSON body is null; a declaration object is expected.", "", DeclarationFormat.Json)
                : new DeclarationDocument(declaration, [], DeclarationFormat.Json);
        }
        catch (JsonException ex)
        {
            return Failed("json.malformed", JsonMessage(ex), JsonPathToPointer(ex.Path), DeclarationFormat.Json);
        }
    }

    private static DeclarationDocument ReadXml(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var result = WcoDeclarationReader.Read(stream);
        return new DeclarationDocument(result.Declaration, result.Issues, DeclarationFormat.WcoXml);
    }

    private static DeclarationDocument Failed(string code, string message, string pointer, DeclarationFormat format) =>
        new(null, [new ValidationIssue(code, message, pointer)], format);

    /// <summary>System.Text.Json's messages name .NET types; keep the part a trader can act on.</summary>
    private static string JsonMessage(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        return message.Replace("System.Decimal", "number", StringComparison.Ordinal)
            .Replace("System.Int32", "whole number", StringComparison.Ordinal)
            .Replace("System.String", "text", StringComparison.Ordinal);
    }

    /// <summary>"$.items[0].netMass" → "/items/0/netMass".</summary>
    internal static string JsonPathToPointer(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "";
        }

        var builder = new System.Text.StringBuilder();
        foreach (var part in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket >= 0 ? part[..bracket] : part;
            if (name.Length > 0)
            {
                builder.Append('/').Append(name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
            }

            for (var b = bracket; b >= 0; b = part.IndexOf('[', b + 1))
            {
                var end = part.IndexOf(']', b);
                if (end < 0)
                {
                    break;
                }

                builder.Append('/').Append(part.AsSpan(b + 1, end - b - 1).Trim('\''));
            }
        }

        return builder.ToString();
    }
}
