using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace SmartCustoms.Server.Tests.Fuzz;

/// <summary>
/// One change to a valid sample body: a JSON value replaced by something hostile (null, a wrong type, a huge number,
/// a lone surrogate, deep nesting), a property or element removed or duplicated, and/or bytes flipped, cut or
/// repeated. Applied to a copy, so one sample feeds every case; <see cref="ToString"/> names the change for a failure.
/// </summary>
public sealed record Mutation(int Node, int Kind, int Value, int Byte, int ByteKind, int ByteValue)
{
    /// <summary>Raw JSON that replaces a value: each is a shape of input the node must refuse or take, never fail on.</summary>
    public static readonly string[] Values =
    [
        "null", "\"\"", "\"abc\"", "0", "-1", "1e400", "123456789012345678901234567890", "-9223372036854775809", "0.0000001",
        "true", "{}", "[]", "[null]", "[null,null]", "{\"x\":null}", "\"\\ud800\"", "\"a\\udc00b\"", "\"0001-01-01\"",
        "\"9999-12-31T23:59:59Z\"", "\"0001-01-01T00:00:00Z\"", "\"-1\"", "\"<script>\"", "\"\\u0000\"", "[\"\\ud800\"]",
        new string('[', 200) + new string(']', 200), "\"" + new string('x', 20_000) + "\"", "{\"\\ud800\":1}",
    ];

    /// <summary>Bytes written into the text: invalid UTF-8, an encoded surrogate, NUL, a quote.</summary>
    private static readonly byte[][] Bytes = [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0x00], [(byte)'"'], [(byte)'{'], [0xE2, 0x82]];

    private const int JsonKinds = 4; // 0 replace, 1 remove, 2 duplicate, 3 none
    private const int ByteKinds = 5; // 0 flip, 1 delete a run, 2 repeat a run, 3 insert, 4 none (weighted up below)

    public static Gen<Mutation> Gen { get; } =
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, 10_000], CsCheck.Gen.Int[0, JsonKinds - 1], CsCheck.Gen.Int[0, Values.Length - 1],
            CsCheck.Gen.Int[0, 1_000_000], CsCheck.Gen.Int[0, ByteKinds + 3], CsCheck.Gen.Int[0, 255])
        .Select((node, kind, value, at, byteKind, byteValue) => new Mutation(node, kind, value, at, Math.Min(byteKind, ByteKinds - 1), byteValue));

    /// <summary>Byte mutations only, for bodies that are not JSON (XML, CSV).</summary>
    public static Gen<Mutation> BytesOnly { get; } = Gen.Select(m => m with { Kind = 3, ByteKind = m.ByteKind == ByteKinds - 1 ? 0 : m.ByteKind });

    public byte[] Apply(JsonNode sample)
    {
        var copy = sample.DeepClone();
        var text = Kind == 3 ? copy.ToJsonString() : ApplyJson(copy);
        return ApplyBytes(Encoding.UTF8.GetBytes(text));
    }

    public byte[] Apply(string sample) => ApplyBytes(Encoding.UTF8.GetBytes(sample));

    private const string Sentinel = "\u0001fuzz\u0001";

    private string ApplyJson(JsonNode root)
    {
        var nodes = new List<JsonNode?>();
        Walk(root, nodes);
        var target = nodes[Node % nodes.Count];
        if (target is null || target == root || target.Parent is null)
        {
            return Kind == 0 ? Values[Value] : root.ToJsonString();
        }

        var parent = target.Parent;
        var key = parent is JsonObject ? target.GetPropertyName() : null;
        var index = parent is JsonArray ? target.GetElementIndex() : -1;
        switch (Kind)
        {
            case 0 when key is not null: parent[key] = Sentinel; break;
            case 0: parent[index] = Sentinel; break;
            case 1 when key is not null: parent.AsObject().Remove(key); break;
            case 1: parent.AsArray().RemoveAt(index); break;
            case 2 when index >= 0: parent.AsArray().Insert(index, target.DeepClone()); break;
            case 2: return root.ToJsonString().Replace($"\"{key}\":", $"\"{key}\":null,\"{key}\":", StringComparison.Ordinal);
        }

        return root.ToJsonString().Replace("\"\\u0001fuzz\\u0001\"", Values[Value], StringComparison.Ordinal);
    }

    /// <summary>How many values (objects, arrays, leaves) the sample has: node numbers from 0 below it name each once.</summary>
    public static int CountNodes(JsonNode sample)
    {
        var nodes = new List<JsonNode?>();
        Walk(sample, nodes);
        return nodes.Count;
    }

    /// <summary>Node <paramref name="node"/> replaced by <paramref name="value"/> (one of <see cref="Values"/>), bytes kept.</summary>
    public static Mutation Replace(int node, string value) => new(node, 0, Array.IndexOf(Values, value), 0, ByteKinds - 1, 0);

    private static void Walk(JsonNode? node, List<JsonNode?> nodes)
    {
        nodes.Add(node);
        if (node is JsonObject o)
        {
            foreach (var (_, child) in o.ToList())
            {
                Walk(child, nodes);
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a.ToList())
            {
                Walk(child, nodes);
            }
        }
    }

    private byte[] ApplyBytes(byte[] body)
    {
        if (body.Length == 0 || ByteKind == ByteKinds - 1)
        {
            return body;
        }

        var at = Byte % body.Length;
        var run = Math.Min(1 + (ByteValue % 16), body.Length - at);
        return ByteKind switch
        {
            0 => [.. body[..at], (byte)(body[at] ^ (1 << (ByteValue % 8))), .. body[(at + 1)..]],
            1 => [.. body[..at], .. body[(at + run)..]],
            2 => [.. body[..(at + run)], .. body[at..]],
            _ => [.. body[..at], .. Bytes[ByteValue % Bytes.Length], .. body[at..]],
        };
    }

    public override string ToString() =>
        $"json {(Kind switch { 0 => "replace", 1 => "remove", 2 => "duplicate", _ => "keep" })} node #{Node} with {(Values[Value].Length > 40 ? Values[Value][..40] + "…" : Values[Value])}; "
        + $"bytes {(ByteKind switch { 0 => "flip", 1 => "delete", 2 => "repeat", 3 => "insert", _ => "keep" })} at {Byte} ({ByteValue})";
}
