using System.Net;
using System.Net.Http.Json;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Declarations;

public sealed class LifecycleTests
{
    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task TraderFollowsTheDeclarationToClearanceThroughNotifications(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var trader = await node.TraderAsync("GB123456789000");
        using var officer = await node.OfficerAsync();
        var mrn = (await (await trader.PostAsJsonAsync("/api/declarations", Samples.Import("GB123456789000"))).JsonAsync()).GetProperty("mrn").GetString();

        var first = await (await trader.GetAsync($"/api/declarations/{mrn}/notifications")).JsonAsync();
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/declarations/{mrn}/control", new { reason = "documents" })).StatusCode);
        // The control holds the goods until its result is recorded.
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsync($"/api/declarations/{mrn}/release", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/declarations/{mrn}/inspection-result", new { findings = false })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/declarations/{mrn}/release", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/declarations/{mrn}/clearance", null)).StatusCode);
        var cursor = first.GetProperty("cursor").GetInt64();
        var rest = await (await trader.GetAsync($"/api/declarations/{mrn}/notifications?after={cursor}")).JsonAsync();

        Assert.Equal(["DMSACC", "DMSTAX"], first.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("dmsCode").GetString()));
        Assert.Equal(27m, first.GetProperty("items")[1].GetProperty("payload").GetProperty("duties").GetProperty("totalDuty").GetDecimal());
        Assert.Equal(["DMSCTL", "DMSROG", "DMSCLE"], rest.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("dmsCode").GetString()));
        Assert.Equal("cleared", (await (await trader.GetAsync($"/api/declarations/{mrn}")).JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task TraderCanCancelBeforeReleaseButNotAfter()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var trader = await node.TraderAsync("GB123456789000");
        using var officer = await node.OfficerAsync();
        var cancelMe = (await (await trader.PostAsJsonAsync("/api/declarations", Samples.Import("GB123456789000"))).JsonAsync()).GetProperty("mrn").GetString();
        var released = (await (await trader.PostAsJsonAsync("/api/declarations", Samples.Import("GB123456789000"))).JsonAsync()).GetProperty("mrn").GetString();
        await officer.PostAsync($"/api/declarations/{released}/release", null);

        var cancelled = await trader.PostAsJsonAsync($"/api/declarations/{cancelMe}/cancellation", new { reason = "shipment lost" });
        var refused = await trader.PostAsync($"/api/declarations/{released}/cancellation", null);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsync($"/api/declarations/{cancelMe}/release", null)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AmendmentCreatesANewVersionAndKeepsTheOldOne(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var trader = await node.TraderAsync("GB123456789000");
        var declaration = Samples.Import("GB123456789000");
        var mrn = (await (await trader.PostAsJsonAsync("/api/declarations", declaration)).JsonAsync()).GetProperty("mrn").GetString();
        declaration["items"]![0]!["itemPrice"]!["amount"] = 2000;
        declaration["invoiceAmount"]!["amount"] = 2000;

        var amended = await trader.PostAsJsonAsync($"/api/declarations/{mrn}/amendments", declaration);
        var current = await (await trader.GetAsync($"/api/declarations/{mrn}")).JsonAsync();
        var original = await (await trader.GetAsync($"/api/declarations/{mrn}?version=1")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        Assert.Equal(2, current.GetProperty("version").GetInt32());
        Assert.Equal(54m, current.GetProperty("duties").GetProperty("totalDuty").GetDecimal());
        Assert.Equal(1, original.GetProperty("version").GetInt32());
        Assert.Equal(1000m, original.GetProperty("declaration").GetProperty("items")[0].GetProperty("itemPrice").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task AmendmentMustKeepTheLrnAndBeValid()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var trader = await node.TraderAsync("GB123456789000");
        var declaration = Samples.Import("GB123456789000");
        var mrn = (await (await trader.PostAsJsonAsync("/api/declarations", declaration)).JsonAsync()).GetProperty("mrn").GetString();

        declaration["items"]![0]!["hsCode"] = "12";
        var invalid = await trader.PostAsJsonAsync($"/api/declarations/{mrn}/amendments", declaration);
        var otherLrn = await trader.PostAsJsonAsync($"/api/declarations/{mrn}/amendments", Samples.Import("GB123456789000"));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherLrn.StatusCode);
        Assert.Equal(1, (await (await trader.GetAsync($"/api/declarations/{mrn}")).JsonAsync()).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task ListingFiltersByStatusAndPages()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var trader = await node.TraderAsync("GB123456789000");
        using var officer = await node.OfficerAsync();
        var mrns = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            mrns.Add((await (await trader.PostAsJsonAsync("/api/declarations", Samples.Import("GB123456789000"))).JsonAsync()).GetProperty("mrn").GetString()!);
        }

        await officer.PostAsync($"/api/declarations/{mrns[0]}/release", null);
        var released = await (await trader.GetAsync("/api/declarations?status=released")).JsonAsync();
        var page2 = await (await trader.GetAsync("/api/declarations?page=2&pageSize=2")).JsonAsync();

        Assert.Equal(mrns[0], Assert.Single(released.GetProperty("items").EnumerateArray()).GetProperty("mrn").GetString());
        Assert.Equal(5, page2.GetProperty("total").GetInt64());
        Assert.Equal(2, page2.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await trader.GetAsync("/api/declarations?pageSize=100000")).StatusCode);
    }
}
