using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SmartCustoms.Domain.Edifact;
using SmartCustoms.Domain.Outcomes;

namespace SmartCustoms.Cli.Edifact;

/// <summary>
/// The JSON of <c>edifact parse --json</c>. Each element is the array of its components; an element that repeats is
/// an array of such arrays, one per occurrence. Positions are the reader's: segment number, line, column, byte.
/// </summary>
internal static class EdifactJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static string Write(EdifactInterchange interchange, IReadOnlyList<EdifactView> views)
    {
        var separators = interchange.Separators;
        var root = new JsonObject
        {
            ["separators"] = new JsonObject
            {
                ["una"] = interchange.HasServiceStringAdvice,
                ["component"] = separators.Component.ToString(),
                ["element"] = separators.Element.ToString(),
                ["decimal"] = separators.Decimal.ToString(),
                ["release"] = separators.Release.ToString(),
                ["repetition"] = separators.Repetition?.ToString(),
                ["segment"] = separators.Segment.ToString(),
            },
            ["syntax"] = Node(interchange.Syntax),
            ["sender"] = Node(interchange.Sender),
            ["recipient"] = Node(interchange.Recipient),
            ["prepared"] = interchange.Prepared,
            ["controlReference"] = interchange.ControlReference,
            ["segmentCount"] = interchange.SegmentCount,
            ["messages"] = new JsonArray([.. interchange.Messages.Select((m, i) => Message(m, views[i]))]),
            ["warnings"] = new JsonArray([.. interchange.Warnings.Concat(views.SelectMany(v => v.Warnings)).Select(Issue)]),
        };
        return root.ToJsonString(Options);
    }

    private static JsonObject Message(EdifactMessage message, EdifactView view)
    {
        var node = new JsonObject
        {
            ["reference"] = message.Reference,
            ["type"] = message.Type,
            ["version"] = message.Version,
            ["release"] = message.Release,
            ["agency"] = message.Agency,
            ["association"] = message.Association,
            ["group"] = message.Group,
            ["segmentCount"] = message.Segments.Count,
            ["segments"] = new JsonArray([.. message.Segments.Select(Segment)]),
        };
        if (view.Value is { } value && JsonSerializer.SerializeToNode(value, value.GetType(), Options) is JsonObject typed)
        {
            typed.Remove("warnings");
            node[view.Kind] = typed;
        }

        return node;
    }

    private static JsonObject Segment(EdifactSegment segment) => new()
    {
        ["tag"] = segment.Tag,
        ["position"] = new JsonObject
        {
            ["segment"] = segment.Position.Segment,
            ["line"] = segment.Position.Line,
            ["column"] = segment.Position.Column,
            ["byte"] = segment.Position.Offset,
        },
        ["elements"] = new JsonArray([.. segment.Elements.Select(Element)]),
    };

    private static JsonArray Element(EdifactElement element) =>
        element.Repetitions.Count == 1
            ? Components(element.Components)
            : new JsonArray([.. element.Repetitions.Select(Components)]);

    private static JsonArray Components(IReadOnlyList<string> components) => new([.. components.Select(c => (JsonNode?)JsonValue.Create(c))]);

    private static JsonObject Issue(Issue issue) => new()
    {
        ["code"] = issue.Code,
        ["severity"] = issue.Severity == IssueSeverity.Error ? "error" : "warning",
        ["message"] = issue.Message,
        ["pointer"] = issue.Pointer,
        ["line"] = issue.Line,
    };

    private static JsonNode? Node<T>(T? value) where T : class => value is null ? null : JsonSerializer.SerializeToNode(value, Options);
}
