using System.Globalization;
using System.Text.Json;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Domain.Postal;

/// <summary>One item of a batch as read: its position, the item when it could be read, its normalised id, and its issues.</summary>
/// <param name="ItemId">The id as keys and answers use it (S10 without spaces, upper case); null when the item could not be read.</param>
public sealed record ReadItem(int Index, PostalItem? Item, string? ItemId, IReadOnlyList<Issue> Issues)
{
    public bool Refused => Item is null || ItemId is null || Issues.Any(i => i.Severity == IssueSeverity.Error);
}

/// <summary>A batch as read: its message id, the operator it names (if any), and each item with its own verdict.</summary>
public sealed record PostalBatch(string MessageId, string? Operator, IReadOnlyList<ReadItem> Items);

/// <summary>
/// Reads a batch <c>{"messageId": "...", "operator": "...", "items": [...]}</c>. Only faults of the envelope refuse the
/// whole batch; an item that does not read or does not validate is refused alone, with pointers such as
/// <c>/items/3/contents/0/value</c>, and the other items go on.
/// </summary>
public static class PostalBatchReader
{
    public const int MaxMessageIdLength = 70;

    public static Outcome<PostalBatch> Read(ReadOnlyMemory<byte> json, int maxItems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = PostalJson.MaxDepth });
        }
        catch (JsonException ex)
        {
            return Refused(JsonErrors.Issue("json.invalid", ex) with { Pointer = "" });
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Refused(new Issue("json.object", "The batch is a JSON object with messageId and items.", ""));
            }

            string? messageId = null, operatorId = null;
            JsonElement? items = null;
            var issues = new List<Issue>();
            foreach (var property in root.EnumerateObject())
            {
                string name;
                try
                {
                    name = property.Name;
                }
                catch (InvalidOperationException)
                {
                    return Refused(new Issue(JsonText.Code, JsonText.Message, ""));
                }

                switch (name)
                {
                    case "messageId":
                        messageId = Identifier(property.Value, "/messageId", issues);
                        break;
                    case "operator":
                        operatorId = property.Value.ValueKind == JsonValueKind.Null ? null : Identifier(property.Value, "/operator", issues);
                        break;
                    case "items":
                        items = property.Value;
                        break;
                    default:
                        issues.Add(new Issue("json.unknown-field", $"unknown field '{name}': a batch has messageId, operator and items.", "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));
                        break;
                }
            }

            if (messageId is null && !issues.Any(i => i.Pointer == "/messageId"))
            {
                issues.Add(new Issue("required", "messageId is required: the sender's id of this message, which makes sending it again harmless.", "/messageId"));
            }

            if (items is not { ValueKind: JsonValueKind.Array } list)
            {
                issues.Add(new Issue("required", "items is required: a list of 1 to " + maxItems.ToString(CultureInfo.InvariantCulture) + " items.", "/items"));
                return Refusal.Invalid("The batch cannot be read.", issues);
            }

            var count = list.GetArrayLength();
            if (count == 0 || count > maxItems)
            {
                issues.Add(new Issue(count == 0 ? "items.empty" : "items.too-many",
                    string.Create(CultureInfo.InvariantCulture, $"A batch holds 1 to {maxItems} items; this one holds {count}."), "/items"));
            }

            if (issues.Count > 0)
            {
                return Refusal.Invalid("The batch cannot be read.", issues);
            }

            var read = new List<ReadItem>(count);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var element in list.EnumerateArray())
            {
                var item = ReadOne(element, index);
                if (item.ItemId is { } id && !item.Refused && !seen.Add(id))
                {
                    item = item with { Issues = [.. item.Issues, new Issue("item-id.repeated", "This itemId comes earlier in the same batch.", Pointer(index) + "/itemId")] };
                }

                read.Add(item);
                index++;
            }

            return new PostalBatch(messageId!, operatorId, read);
        }
    }

    private static ReadItem ReadOne(JsonElement element, int index)
    {
        var pointer = Pointer(index);
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new ReadItem(index, null, null, [new Issue("json.object", "An item is a JSON object.", pointer)]);
        }

        if (JsonText.Check(element, pointer) is { } text)
        {
            return new ReadItem(index, null, null, [text]);
        }

        PostalItem? item;
        try
        {
            item = element.Deserialize<PostalItem>(PostalJson.Options);
        }
        catch (JsonException ex)
        {
            var issue = JsonErrors.Issue("json.invalid", ex);
            return new ReadItem(index, null, null, [issue with { Pointer = pointer + issue.Pointer }]);
        }

        if (item is null)
        {
            return new ReadItem(index, null, null, [new Issue("json.object", "An item is a JSON object.", pointer)]);
        }

        var issues = PostalValidation.Check(item, pointer);
        var id = item.ItemId is null ? null : item.ItemIdScheme == "carrier" ? item.ItemId : S10.Normalise(item.ItemId);
        return new ReadItem(index, item, id, issues);
    }

    private static string? Identifier(JsonElement value, string pointer, List<Issue> issues)
    {
        if (JsonText.TryGetString(value, out var text) && text.Length is > 0 and <= MaxMessageIdLength && !text.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return text;
        }

        issues.Add(new Issue("identifier.invalid",
            string.Create(CultureInfo.InvariantCulture, $"{pointer[1..]} is text of 1 to {MaxMessageIdLength} characters without spaces."), pointer));
        return null;
    }

    private static string Pointer(int index) => string.Create(CultureInfo.InvariantCulture, $"/items/{index}");

    private static Refusal Refused(Issue issue) => Refusal.Invalid("The batch cannot be read.", [issue]);
}
