using System.Text.Json;
using SmartCustoms.Domain.Declarations.Wco;
using SmartCustoms.Domain.Outcomes;
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
public sealed record DeclarationDocument(Declaration? Declaration, IReadOnlyList<Issue> Issues, DeclarationFormat Format)
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
            if (declaration is null)
            {
                return Failed("json.not-a-declaration", "The JSON body is null; a declaration object is expected.", "", DeclarationFormat.Json);
            }

            var nulls = NullElements.Find(declaration, DeclarationJson.Options.PropertyNamingPolicy);
            return nulls.Count > 0
                ? new DeclarationDocument(null, nulls, DeclarationFormat.Json)
                : new DeclarationDocument(declaration, [], DeclarationFormat.Json);
        }
        catch (JsonException ex)
        {
            return new DeclarationDocument(null, [JsonErrors.Issue("json.malformed", ex)], DeclarationFormat.Json);
        }
    }

    private static DeclarationDocument ReadXml(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var result = WcoDeclarationReader.Read(stream);
        return new DeclarationDocument(result.Declaration, result.Issues, DeclarationFormat.WcoXml);
    }

    private static DeclarationDocument Failed(string code, string message, string pointer, DeclarationFormat format) =>
        new(null, [new Issue(code, message, pointer)], format);
}
