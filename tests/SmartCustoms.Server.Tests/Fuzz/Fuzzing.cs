using System.Net.Http.Headers;
using System.Text.Json;
using CsCheck;

namespace SmartCustoms.Server.Tests.Fuzz;

/// <summary>
/// The fixed seed and the check every fuzzed answer must pass. Cases are drawn once from the seed (so a run is the
/// same every time and in CI) and sent one after another; a failure names the case, which replays it.
/// </summary>
public static class Fuzzing
{
    /// <summary>CsCheck's seed string: change it to explore other inputs, keep it fixed in the suite.</summary>
    public const string Seed = "0SmartCustom";

    public static IReadOnlyList<T> Cases<T>(Gen<T> gen, int count) => gen.Array[count].Single(_ => true, Seed);

    public static ByteArrayContent Body(byte[] body, string mediaType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    /// <summary>
    /// No 5xx; every 4xx is problem+json with a title and without a stack trace. Returns whether the input was taken
    /// (2xx), so a caller can check that a refusal stored nothing.
    /// </summary>
    public static async Task<bool> AssertHandledAsync(HttpResponseMessage response, string input)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status < 500, $"{status} for {input}: {Trim(text)}");
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        if (status < 400)
        {
            return status < 300;
        }

        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{status} for {input} is {response.Content.Headers.ContentType}: {Trim(text)}");
        using var problem = JsonDocument.Parse(text);
        Assert.True(problem.RootElement.TryGetProperty("title", out var title) && !string.IsNullOrWhiteSpace(title.GetString()),
            $"{status} for {input} has no title: {Trim(text)}");
        return false;
    }

    private static string Trim(string text) => text.Length > 600 ? text[..600] : text;
}
