using System.Net;
using System.Net.Http.Json;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Declarations;

public sealed class LodgingTests
{
    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AcceptsValidJsonDeclarationWithMrnAndDuties(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var trader = await node.TraderAsync("GB123456789000");

        var response = await trader.PostAsJsonAsync("/api/declarations", Samples.Import("GB123456789000"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        var mrn = body.GetProperty("mrn").GetString()!;
        Assert.True(Mrn.IsValid(mrn), mrn);
        Assert.StartsWith(DateTime.UtcNow.ToString("yy", System.Globalization.CultureInfo.InvariantCulture) + "GB", mrn, StringComparison.Ordinal);
        Assert.Equal($"/api/declarations/{mrn}", response.Headers.Location!.ToString());
        Assert.Equal("assessed", body.GetProperty("status").GetString());
        var duties = body.GetProperty("duties");
        Assert.Equal(1000m, duties.GetProperty("totalCustomsValue").GetDecimal());
        Assert.Equal(27m, duties.GetProperty("totalDuty").GetDecimal());
        Assert.Equal(205.4m, duties.GetProperty("totalVat").GetDecimal());

        var fetched = await (await trader.GetAsync($"/api/declarations/{mrn}")).JsonAsync();
        Assert.Equal("85109000", fetched.GetProperty("declaration").GetProperty("items")[0].GetProperty("hsCode").GetString());
    }

    [Fact]
    public async Task ReturnsEveryErrorAtOnceWithPointers()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var trader = await node.TraderAsync("GB123456789000");
        var declaration = Samples.Import("GB123456789000");
        declaration["goodsItemQuantity"] = 2;
        declaration["exportCountry"] = "QQ";
        declaration["items"]![0]!["hsCode"] = "999999";
        declaration["items"]![0]!["grossMass"] = 50;
        declaration["items"]![0]!["origin"] = "ZZ";
        declaration["invoiceAmount"]!["amount"] = 5000;

        var response = await trader.PostAsJsonAsync("/api/declarations", declaration);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equivalent(
            new[] { "/goodsItemQuantity", "/exportCountry", "/items/0/hsCode", "/items/0/grossMass", "/items/0/origin", "/invoiceAmount/amount" },
            problem.ErrorPointers().Distinct().ToArray());
        Assert.Contains("hs.unknown", problem.ErrorCodes());
        Assert.Contains("mass.gross-below-net", problem.ErrorCodes());
    }

    [Fact]
    public async Task ResubmissionReturnsTheSameDeclarationAndOtherContentUnderTheLrnConflicts()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var trader = await node.TraderAsync("GB123456789000");
        var declaration = Samples.Import("GB123456789000", "LRN-IDEMPOTENT-1");

        var first = await trader.PostAsJsonAsync("/api/declarations", declaration);
        var again = await trader.PostAsJsonAsync("/api/declarations", declaration);
        declaration["items"]![0]!["description"] = "Something else entirely";
        var other = await trader.PostAsJsonAsync("/api/declarations", declaration);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((await first.JsonAsync()).GetProperty("mrn").GetString(), (await again.JsonAsync()).GetProperty("mrn").GetString());
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Contains("lrn.conflict", (await other.JsonAsync()).ErrorCodes());
    }

    [Fact]
    public async Task TraderCannotLodgeAsAnotherDeclarant()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var trader = await node.TraderAsync("GB123456789000");

        var response = await trader.PostAsJsonAsync("/api/declarations", Samples.Import("GB999999999999"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("/declarant/id", (await response.JsonAsync()).ErrorPointers());
    }

    [Fact]
    public async Task ContainerWithWrongCheckDigitIsAWarningByDefaultAndAnErrorWhenStrict()
    {
        await using var lenient = await TestNode.StartAsync(Databases.Sqlite);
        await using var strict = await TestNode.StartAsync(Databases.Sqlite, settings: new Dictionary<string, string?> { ["SmartCustoms:StrictContainerNumbers"] = "true" });
        var declaration = Samples.Import("GB123456789000");
        declaration["transport"]!["containers"]![0]!["id"] = "MSCU6639871";

        using var lenientTrader = await lenient.TraderAsync("GB123456789000");
        using var strictTrader = await strict.TraderAsync("GB123456789000");
        var accepted = await lenientTrader.PostAsJsonAsync("/api/declarations", declaration);
        var refused = await strictTrader.PostAsJsonAsync("/api/declarations", declaration);

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var warning = Assert.Single((await accepted.JsonAsync()).GetProperty("warnings").EnumerateArray());
        Assert.Equal("container.check-digit", warning.GetProperty("code").GetString());
        Assert.Equal("/transport/containers/0/id", warning.GetProperty("pointer").GetString());
        Assert.Equal("warning", warning.GetProperty("severity").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Contains("container.check-digit", problem.ErrorCodes());
        // A warning of an acceptance and an error of a refusal are one shape, told apart by their severity.
        var error = problem.GetProperty("errors").EnumerateArray().First(e => e.GetProperty("code").GetString() == "container.check-digit");
        Assert.Equal(["code", "message", "pointer", "severity"], warning.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["code", "message", "pointer", "severity"], error.EnumerateObject().Select(p => p.Name));
        Assert.Equal("error", error.GetProperty("severity").GetString());
    }
}
