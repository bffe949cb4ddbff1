using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Hosting;

/// <summary>Bad input is answered with a worded problem naming its field, never a 500 or a .NET type name.</summary>
public sealed class ProblemAnswerTests
{
    [Fact]
    public async Task AQueryParameterThatDoesNotBindIsRefusedInWordsAtItsPointer()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var trader = await node.TraderAsync("GB123456789000");

        var response = await trader.GetAsync("/api/declarations?pageSize=abc", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("parameter.invalid", problem.GetProperty("code").GetString());
        Assert.Equal(["/pageSize"], problem.ErrorPointers());
        Assert.Contains("a whole number", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Int32", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownJsonFieldIsNamedWithoutDotNetWords()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var trader = await node.TraderAsync("GB123456789000");
        var declaration = Samples.Import("GB123456789000");
        declaration["colour"] = "red";

        var response = await trader.PostAsJsonAsync("/api/declarations", declaration, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("unknown field 'colour'", text, StringComparison.Ordinal);
        Assert.DoesNotContain(".NET", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NullInAListOfTheDeclarationIsRefusedAtItsPointerAndNothingIsStored()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var trader = await node.TraderAsync("GB123456789000");
        var declaration = Samples.Import("GB123456789000");
        ((JsonArray)declaration["items"]!).Add(null);

        var response = await trader.PostAsJsonAsync("/api/declarations", declaration, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("/items/1", (await response.JsonAsync()).ErrorPointers());
        var list = await (await trader.GetAsync("/api/declarations", TestContext.Current.CancellationToken)).JsonAsync();
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task WithoutAKeyTheAnswerSaysWhichHeaderToSend()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var anonymous = node.Client(null);

        var response = await anonymous.GetAsync("/api/declarations", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        var problem = await response.JsonAsync();
        Assert.Equal("auth.required", problem.GetProperty("code").GetString());
        Assert.Contains("Authorization: Bearer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeyOfTheWrongRoleIsToldItsRole()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var trader = await node.TraderAsync("GB123456789000");

        var response = await trader.GetAsync("/api/keys", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("auth.forbidden", problem.GetProperty("code").GetString());
        Assert.Contains("'trader'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMessagePostedToTheInboxAsJsonGets415NamingTheJoseType()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var anonymous = node.Client(null);

        using var body = new StringContent("eyJhbGciOiJFUzI1NiJ9.e30.sig", Encoding.ASCII, "application/json");
        var response = await anonymous.PostAsync("/api/exchange/inbox", body, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("media-type.unsupported", problem.GetProperty("code").GetString());
        Assert.Contains("application/jose", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatesFarFromOurYearsAreRefusedWithTheRangeNotFailed()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var analyst = await node.ClientForAsync("analyst");
        using var anonymous = node.Client(null);

        var performance = await analyst.GetAsync("/api/risk/performance?to=0001-01-01", TestContext.Current.CancellationToken);
        var statistics = await anonymous.GetAsync("/statistics?To=0001-01", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, performance.StatusCode);
        Assert.Equal(["/to"], (await performance.JsonAsync()).ErrorPointers());
        Assert.Equal(HttpStatusCode.BadRequest, statistics.StatusCode);
        Assert.Contains("between 1900 and 9000", await statistics.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
