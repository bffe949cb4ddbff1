using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SmartCustoms.Server.Tests.Fuzz;

/// <summary>One hostile body for an endpoint: what it is (replayed from its name), its bytes and its content type.</summary>
public sealed record FuzzCase(string Name, byte[] Body, string? ContentType)
{
    public HttpContent Content()
    {
        var content = new ByteArrayContent(Body);
        if (ContentType is not null)
        {
            // Unchecked on purpose: garbage content types are cases too.
            content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }

        return content;
    }

    public override string ToString() => Name;
}

/// <summary>
/// Fuzzing one JSON endpoint from a valid sample: fixed cases of every shape that made nodes fail before (lone
/// surrogates, bytes that are not UTF-8, null in lists and objects, wrong JSON kinds, deep nesting, huge numbers,
/// empty, truncated and mistyped bodies), then cases drawn from the fixed seed. Every answer must pass
/// <see cref="Fuzzing.AssertHandledAsync"/>, and after each refusal the endpoint's state as read back is unchanged.
/// </summary>
public static class BodyFuzz
{
    private const string Json = "application/json";

    /// <summary>Values put in place of each node of the sample, one node after another.</summary>
    private static readonly string[] NodeShapes = ["\"\\ud800\"", "[null]", "null", "{}", "123456789012345678901234567890"];

    public static IReadOnlyList<FuzzCase> Cases(JsonNode sample, int drawn, int maxNodes = 12)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var text = sample.ToJsonString();
        var bytes = Encoding.UTF8.GetBytes(text);
        var cases = new List<FuzzCase>
        {
            new("empty body", [], Json),
            new("no content type", bytes, null),
            new("text/plain", bytes, "text/plain"),
            new("content type garbage", bytes, "application/json; charset=\u00ff;;=="),
            new("JSON null", "null"u8.ToArray(), Json),
            new("JSON array", "[]"u8.ToArray(), Json),
            new("array of null", "[null]"u8.ToArray(), Json),
            new("JSON number", "1e400"u8.ToArray(), Json),
            new("JSON string with a lone surrogate", "\"\\ud800\""u8.ToArray(), Json),
            new("object with a lone-surrogate name", "{\"\\udc00\":1}"u8.ToArray(), Json),
            new("deep nesting", Encoding.ASCII.GetBytes(new string('[', 5000) + new string(']', 5000)), Json),
            new("truncated", bytes[..(bytes.Length / 2)], Json),
            new("not JSON", "{hello"u8.ToArray(), Json),
            new("invalid UTF-8 in a string", InvalidUtf8InFirstString(bytes), Json),
            new("a bare lone-surrogate byte sequence", [.. bytes[..^1], .. ",\"x\":\""u8, 0xED, 0xA0, 0x80, .. "\"}"u8], Json),
        };
        var nodes = Math.Min(Mutation.CountNodes(sample), maxNodes);
        for (var node = 0; node < nodes; node++)
        {
            foreach (var shape in NodeShapes)
            {
                var mutation = Mutation.Replace(node, shape);
                cases.Add(new(mutation.ToString(), mutation.Apply(sample), Json));
            }
        }

        cases.AddRange(Fuzzing.Cases(Mutation.Gen, drawn).Select(m => new FuzzCase(m.ToString(), m.Apply(sample), Json)));
        return cases;
    }

    /// <summary>
    /// Sends every case; none may fail, and a refused one must leave <paramref name="state"/> as it was. Returns how
    /// many were taken.
    /// </summary>
    public static async Task<int> RunAsync(HttpClient caller, HttpMethod method, string url, IEnumerable<FuzzCase> cases, Func<Task<string>> state)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(state);
        var before = await state();
        var taken = 0;
        foreach (var fuzz in cases)
        {
            using var request = new HttpRequestMessage(method, url) { Content = fuzz.Content() };
            using var response = await caller.SendAsync(request);
            var name = $"{method} {url}: {fuzz.Name}";
            var after = await state();
            if (await Fuzzing.AssertHandledAsync(response, name))
            {
                taken++;
            }
            else
            {
                Assert.True(before == after, $"{name} was refused ({(int)response.StatusCode}) but changed what is stored:\n{before}\n{after}");
            }

            before = after;
        }

        return taken;
    }

    /// <summary>The JSON text with the byte 0xFF written at the start of its first string value.</summary>
    private static byte[] InvalidUtf8InFirstString(byte[] json)
    {
        var colon = Array.IndexOf(json, (byte)':');
        var quote = colon < 0 ? -1 : Array.IndexOf(json, (byte)'"', colon);
        return quote < 0 ? [.. json, 0xFF] : [.. json[..(quote + 1)], 0xFF, .. json[(quote + 1)..]];
    }
}
