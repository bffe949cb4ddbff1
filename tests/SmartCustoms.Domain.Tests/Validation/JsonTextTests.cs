using System.Text.Json;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Domain.Tests.Validation;

/// <summary>Text in client JSON that parses but cannot be read (lone surrogates, bytes that are not UTF-8) is found at its pointer.</summary>
public sealed class JsonTextTests
{
    [Theory]
    [InlineData("""{ "a": { "b": [ "ok", "\ud800" ] } }""", "/a/b/1")]
    [InlineData("""{ "a": "x", "c\udc00d": 1 }""", "")]
    [InlineData("""{ "a/b": { "~": "\udfff" } }""", "/a~1b/~0")]
    [InlineData("\"\\ud800\"", "")]
    public void ALoneSurrogateIsFoundAtItsPointer(string json, string pointer)
    {
        using var document = JsonDocument.Parse(json);

        var issue = JsonText.Check(document.RootElement);

        Assert.NotNull(issue);
        Assert.Equal((JsonText.Code, pointer), (issue.Code, issue.Pointer));
    }

    [Fact]
    public void BytesThatAreNotUtf8AreFoundUnderThePrefixGiven()
    {
        byte[] json = [.. """{ "items": [ { "name": "a"""u8, 0xFF, .. "\" } ] }"u8];
        using var document = JsonDocument.Parse(json);

        Assert.Equal("/payload/items/0/name", JsonText.Check(document.RootElement, "/payload")?.Pointer);
        Assert.False(JsonText.TryGetString(document.RootElement.GetProperty("items")[0].GetProperty("name"), out _));
    }

    [Fact]
    public void WellFormedTextPassesAndReads()
    {
        using var document = JsonDocument.Parse("""{ "name": "Zoë \ud83d\ude00", "n": 1, "list": [null, true, "x"] }""");

        Assert.Null(JsonText.Check(document.RootElement));
        Assert.Equal("Zoë 😀", JsonText.StringProperty(document.RootElement, "name"));
        Assert.Null(JsonText.StringProperty(document.RootElement, "n"));
    }

    [Fact]
    public void AJwsWhoseKeyIdIsALoneSurrogateIsNotAJws()
    {
        var header = System.Buffers.Text.Base64Url.EncodeToString("""{"alg":"ES256","kid":"\ud800"}"""u8);

        Assert.Null(Jws.Parse(header + ".e30.AAAA"));
    }
}
