using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartCustoms.Domain.Declarations;

/// <summary>The one JSON shape of a declaration: used by the API, the CLI and the store alike.</summary>
public static class DeclarationJson
{
    /// <summary>Deeper documents than this are refused: the declaration model itself is six levels deep.</summary>
    public const int MaxDepth = 32;

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            MaxDepth = MaxDepth,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            // "items": null would otherwise reach the rules as a null list; the model's lists are never null.
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static string Serialize(Declaration declaration) => JsonSerializer.Serialize(declaration, Options);

    public static Declaration? Deserialize(string json) => JsonSerializer.Deserialize<Declaration>(json, Options);

    /// <summary>The declaration, or null when the JSON does not read as one.</summary>
    public static Declaration? TryDeserialize(string json)
    {
        try
        {
            return Deserialize(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>SHA-256 of the canonical JSON form, lower-case hex: equal for equal content whatever the input format.</summary>
    public static string ContentHash(Declaration declaration)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(declaration, Options);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
