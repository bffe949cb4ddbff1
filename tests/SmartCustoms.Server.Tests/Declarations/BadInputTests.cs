using System.Net;
using System.Net.Http.Json;
using System.Text;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Declarations;

public sealed class BadInputTests : IAsyncLifetime
{
    private TestNode _node = null!;
    private HttpClient _trader = null!;

    public async ValueTask InitializeAsync()
    {
        _node = await TestNode.StartAsync(Databases.Sqlite, settings: new Dictionary<string, string?> { ["SmartCustoms:Limits:MaxDeclarationBytes"] = "65536" });
        _trader = await _node.TraderAsync("GB603202734852");
    }

    public async ValueTask DisposeAsync()
    {
        _trader.Dispose();
        await _node.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostAsync(string body, string mediaType) =>
        _trader.PostAsync("/api/declarations", new StringContent(body, Encoding.UTF8, mediaType));

    [Fact]
    public async Task MalformedJsonIsABadRequestNamingWhereItBroke()
    {
        var response = await PostAsync("{\"type\":\"IMA\",\"items\":[{\"netMass\":\"heavy\"}]}", "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("/items/0/netMass", (await response.JsonAsync()).ErrorPointers());
    }

    [Fact]
    public async Task UnknownJsonFieldsAreRefusedRatherThanSilentlyDropped()
    {
        var declaration = Samples.Import("GB603202734852");
        declaration["hsCodee"] = "851090";

        var response = await _trader.PostAsJsonAsync("/api/declarations", declaration);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task XmlWithADocumentTypeDefinitionIsRefusedWithoutReadingTheEntity()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE Declaration [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <Declaration xmlns="urn:wco:datamodel:WCO:DEC-DMS:2"><FunctionalReferenceID>&secret;</FunctionalReferenceID></Declaration>
            """;

        var response = await PostAsync(xml, "application/xml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("root:", text, StringComparison.Ordinal);
        Assert.Contains("xml.dtd-prohibited", (await response.JsonAsync()).ErrorCodes());
    }

    [Fact]
    public async Task MalformedXmlIsABadRequest()
    {
        var response = await PostAsync("<Declaration xmlns=\"urn:wco:datamodel:WCO:DEC-DMS:2\"><TypeCode>IMA</Declaration>", "application/xml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("xml.malformed", (await response.JsonAsync()).ErrorCodes());
    }

    [Fact]
    public async Task AbsurdNestingIsABadRequestNotAServerError()
    {
        var json = string.Concat(Enumerable.Repeat("{\"a\":", 500)) + "1" + new string('}', 500);
        var xml = string.Concat(Enumerable.Repeat("<a>", 500)) + new string(' ', 1) + string.Concat(Enumerable.Repeat("</a>", 500));

        var jsonResponse = await PostAsync(json, "application/json");
        var xmlResponse = await PostAsync("<Declaration xmlns=\"urn:wco:datamodel:WCO:DEC-DMS:2\">" + xml + "</Declaration>", "application/xml");

        Assert.Equal(HttpStatusCode.BadRequest, jsonResponse.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, xmlResponse.StatusCode);
    }

    [Fact]
    public async Task AbsurdNumbersAreRefused()
    {
        var declaration = Samples.Import("GB603202734852");
        declaration["items"]![0]!["netMass"] = 1e300;

        var tooBig = await PostAsync(declaration.ToJsonString(), "application/json");
        declaration["items"]![0]!["netMass"] = -5;
        var negative = await _trader.PostAsJsonAsync("/api/declarations", declaration);

        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Contains("/items/0/netMass", (await negative.JsonAsync()).ErrorPointers());
    }

    [Fact]
    public async Task BodiesOverTheLimitAreRefusedWith413AndNothingIsStored()
    {
        var declaration = Samples.Import("GB603202734852");
        declaration["items"]![0]!["description"] = new string('x', 70_000);

        var response = await _trader.PostAsJsonAsync("/api/declarations", declaration);
        var list = await (await _trader.GetAsync("/api/declarations")).JsonAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, list.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task UnsupportedMediaTypeIsRefused()
    {
        var response = await PostAsync("type=IMA", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task EmptyBodyIsABadRequest()
    {
        var response = await PostAsync("", "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
