using System.Net;
using System.Net.Http.Json;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Access;

public sealed class AccessTests
{
    [Fact]
    public async Task CallsWithoutAValidKeyAreUnauthorised()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var anonymous = node.Client(null);
        using var wrong = node.Client("sck_not-a-real-key");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/declarations")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/declarations")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/declarations", Samples.Import("GB1"))).StatusCode);
    }

    [Fact]
    public async Task EachEndpointAdmitsOnlyItsRoles()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var trader = await node.TraderAsync("GB123456789000");
        using var officer = await node.OfficerAsync();
        using var analyst = await node.ClientForAsync("analyst");

        Assert.Equal(HttpStatusCode.Forbidden, (await trader.PostAsJsonAsync("/api/keys", new { role = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/declarations", Samples.Import("GB123456789000"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsync("/api/declarations/XX/release", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await trader.PostAsync("/api/declarations/XX/release", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await trader.PutAsJsonAsync("/api/tariff", new { name = "x" })).StatusCode);
    }

    [Fact]
    public async Task ATraderNeverSeesAnotherTradersDeclaration()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var alice = await node.TraderAsync("GB111111111000");
        using var bob = await node.TraderAsync("GB222222222000");
        using var officer = await node.OfficerAsync();
        var mrn = (await (await alice.PostAsJsonAsync("/api/declarations", Samples.Import("GB111111111000"))).JsonAsync()).GetProperty("mrn").GetString();

        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/declarations/{mrn}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/declarations/{mrn}/notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsync($"/api/declarations/{mrn}/cancellation", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsJsonAsync($"/api/declarations/{mrn}/amendments", Samples.Import("GB222222222000"))).StatusCode);
        Assert.Equal(0, (await (await bob.GetAsync("/api/declarations")).JsonAsync()).GetProperty("total").GetInt64());
        Assert.Equal(1, (await (await alice.GetAsync("/api/declarations")).JsonAsync()).GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/declarations/{mrn}")).StatusCode);
    }

    [Fact]
    public async Task KeysAreShownOnceAndRevokedKeysStopWorking()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var admin = node.Admin();
        var created = await (await admin.PostAsJsonAsync("/api/keys", new { role = "officer", name = "quay 4" })).JsonAsync();
        var id = created.GetProperty("id").GetString();
        var secret = created.GetProperty("key").GetString()!;

        var listing = await (await admin.GetAsync("/api/keys")).Content.ReadAsStringAsync();
        var revoke = await admin.DeleteAsync($"/api/keys/{id}");
        using var revoked = node.Client(secret);

        Assert.DoesNotContain(secret, listing, StringComparison.Ordinal);
        Assert.Contains("quay 4", listing, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync("/api/declarations")).StatusCode);
    }

    [Theory]
    [InlineData("trader", null)]
    [InlineData("officer", "GB1")]
    [InlineData("superuser", null)]
    [InlineData("1", null)]
    public async Task KeyRequestsThatMakeNoSenseAreRefused(string role, string? party)
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var admin = node.Admin();

        var response = await admin.PostAsJsonAsync("/api/keys", new { role, partyId = party });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
