using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SmartCustoms.Server.Tests.Exchange;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Portal;

/// <summary>The officer's declaration page shows what a partner exported in the same container.</summary>
public sealed class PartnerDataPageTests
{
    [Fact]
    public async Task TheOfficerSeesThePartnersExportBesideTheImportInTheSameContainer()
    {
        await using var nodes = await ExchangeDeliveryTests.PairedNodes.StartAsync(Databases.Sqlite);
        var exported = await (await nodes.Exporter.PostAsJsonAsync("/api/declarations", ExchangeSamples.Export("MSCU1234566"))).JsonAsync();
        await ExchangeSamples.EventuallyAsync(() => nodes.Cn.MessagesAsync("out"), m => m.Length == 1 && m[0].GetProperty("status").GetString() == "delivered", "delivered");
        using var importer = await nodes.Sg.TraderAsync("SG123456789000");
        var import = Samples.Import("SG123456789000");
        import["declarationOffice"] = "SG000001";
        import["transport"]!["containers"] = new JsonArray(new JsonObject { ["id"] = "MSCU1234566", ["seals"] = new JsonArray("SEAL-MSCU1234566") });
        var lodged = await importer.PostAsJsonAsync("/api/declarations", import);
        var unrelated = Samples.Import("SG123456789000");
        var other = await importer.PostAsJsonAsync("/api/declarations", unrelated);
        var (browser, _) = await PortalAccessTests.SignInAsync(nodes.Sg, "officer");

        var page = await browser.GetStringAsync($"/Officer/Declaration/{(await lodged.JsonAsync()).GetProperty("mrn").GetString()}");
        var otherPage = await browser.GetStringAsync($"/Officer/Declaration/{(await other.JsonAsync()).GetProperty("mrn").GetString()}");

        Assert.Equal(HttpStatusCode.Created, lodged.StatusCode);
        Assert.Contains("Partner export data", page, StringComparison.Ordinal);
        Assert.Contains($"CN export {exported.GetProperty("mrn").GetString()}", page, StringComparison.Ordinal);
        Assert.Contains("matched by container MSCU1234566", page, StringComparison.Ordinal);
        Assert.Contains("<td>85109000</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Partner export data", otherPage, StringComparison.Ordinal);
    }
}
