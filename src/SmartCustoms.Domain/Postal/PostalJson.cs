using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartCustoms.Domain.Postal;

/// <summary>The JSON shape of postal items, batches and answers: camelCase, unknown fields refused, numbers strict.</summary>
public static class PostalJson
{
    /// <summary>A batch is four levels deep (batch, items, item, contents); deeper documents are refused.</summary>
    public const int MaxDepth = 16;

    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            MaxDepth = MaxDepth,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
