using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Exchange;

/// <summary>
/// CN exports to SG under an agreement that shares export data and control results, and SG recognises CN's
/// controls of its red and yellow lanes: what SG decides for the matching imports, and why.
/// </summary>
public sealed class PartnerChecksExchangeTests
{
    private const string Importer = "SG201912345K";

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AnImportUndervaluedAgainstThePartnersExportGoesRedSayingByHowMuchAndAFaithfulOneDoesNot(string provider)
    {
        await using var nodes = await StartAsync(provider);
        await ExportAsync(nodes, "MSCU1234566", seal: "CN0001");
        using var importer = await nodes.Sg.TraderAsync(Importer);
        using var officer = await nodes.Sg.OfficerAsync();

        var undervalued = await LodgeAsync(importer, Import("MSCU1234566", "CN0001", amount: 590));
        var faithful = await LodgeAsync(importer, Import("MSCU1234566", "CN0001", amount: 1000));

        var (lane, reasons) = await DecisionAsync(officer, undervalued);
        Assert.Equal("red", lane);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(reasons, r => r.StartsWith($"Declared value 41% below the value exported from CN on {today}", StringComparison.Ordinal)
            && r.Contains("590.00 EUR declared against 1,000.00 EUR exported", StringComparison.Ordinal));
        var (faithfulLane, faithfulReasons) = await DecisionAsync(officer, faithful);
        Assert.Equal("green", faithfulLane);
        Assert.Contains(faithfulReasons, r => r.StartsWith("Matched CN's export", StringComparison.Ordinal) && r.EndsWith("by container MSCU1234566.", StringComparison.Ordinal));
        Assert.DoesNotContain(faithfulReasons, r => r.Contains("mirror-", StringComparison.Ordinal));
        var performance = await officer.GetFromJsonAsync<JsonElement>("/api/risk/performance");
        var check = performance.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "mirror-value");
        Assert.Equal("Mirror check: value below the partner's export", check.GetProperty("name").GetString());
        Assert.False(check.GetProperty("retired").GetBoolean());
        Assert.Equal(1, check.GetProperty("hits").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task APartnersSealedControlWithoutFindingsTurnsRedToGreenWhenTheSealsMatchAndABrokenSealKeepsItRed(string provider)
    {
        await using var nodes = await StartAsync(provider);
        using (var analyst = await nodes.Sg.ClientForAsync("analyst"))
        {
            // Every shaver part is examined at SG unless a partner's control stands for it.
            var criterion = """{"id":"shaver-parts-red","name":"Shaver parts","weight":10,"minimumLane":"red","when":{"field":"hsCode","op":"startsWith","value":"8510"}}""";
            Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/risk/criteria", new StringContent(criterion, Encoding.UTF8, "application/json"))).StatusCode);
        }

        var exportMrn = await ExportAsync(nodes, "CSQU3054383", seal: "OLD-1");
        using (var cnOfficer = await nodes.Cn.OfficerAsync())
        {
            Assert.Equal(HttpStatusCode.OK, (await cnOfficer.PostAsJsonAsync($"/api/declarations/{exportMrn}/reroute", new { lane = "red", reason = "check before sealing" })).StatusCode);
            var unknown = await cnOfficer.PostAsJsonAsync($"/api/declarations/{exportMrn}/inspection-result",
                new { findings = false, seals = new[] { new { container = "MSCU1234566", seals = new[] { "CNSEAL-7" } } } });
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("/seals/0/container", (await unknown.JsonAsync()).ErrorPointers());

            var recorded = await cnOfficer.PostAsJsonAsync($"/api/declarations/{exportMrn}/inspection-result",
                new { findings = false, seals = new[] { new { container = "csqu3054383 ", seals = new[] { "CNSEAL-7" } } } });
            Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
            var inspection = (await recorded.JsonAsync()).GetProperty("risk").GetProperty("inspections")[0];
            Assert.Equal("CSQU3054383", inspection.GetProperty("seals")[0].GetProperty("container").GetString());
        }

        await ExchangeSamples.EventuallyAsync(() => nodes.Cn.MessagesAsync("out"),
            m => m.Any(x => x.GetProperty("type").GetString() == "control-result" && x.GetProperty("status").GetString() == "delivered"), "control result delivered");
        using var importer = await nodes.Sg.TraderAsync(Importer);
        using var officer = await nodes.Sg.OfficerAsync();

        var recognised = await LodgeAsync(importer, Import("CSQU3054383", "cnseal-7", amount: 1000));
        var broken = await LodgeAsync(importer, Import("CSQU3054383", "SG-REPLACED-1", amount: 1000));
        var elsewhere = await LodgeAsync(importer, Import("MSCU6639871", "CNSEAL-7", amount: 1000, document: "BL-OTHER"));

        var (lane, reasons) = await DecisionAsync(officer, recognised);
        Assert.Equal("green", lane);
        Assert.Contains(reasons, r => r.StartsWith("Control recognised: CN inspected the goods at GB000040 on", StringComparison.Ordinal)
            && r.Contains("CSQU3054383 (CNSEAL-7)", StringComparison.Ordinal) && r.EndsWith("red lowered to green under the agreement with CN.", StringComparison.Ordinal));
        var (brokenLane, brokenReasons) = await DecisionAsync(officer, broken);
        Assert.Equal("red", brokenLane);
        Assert.Contains(brokenReasons, r => r.Contains("CSQU3054383: CN sealed it with CNSEAL-7, this declaration states SG-REPLACED-1", StringComparison.Ordinal));
        Assert.Equal("red", (await DecisionAsync(officer, elsewhere)).Lane);

        var (browser, _) = await Portal.PortalAccessTests.SignInAsync(nodes.Sg, "officer");
        var page = await browser.GetStringAsync($"/Officer/Declaration/{recognised}");
        Assert.Contains($"CN control of export {exportMrn} at GB000040: no findings, matched by container CSQU3054383", page, StringComparison.Ordinal);
        Assert.Contains("Seals after the control: CSQU3054383: CNSEAL-7", page, StringComparison.Ordinal);
        Assert.Contains("Control recognised: CN inspected the goods at GB000040", page, StringComparison.Ordinal);
    }

    private static async Task<ExchangeDeliveryTests.PairedNodes> StartAsync(string provider)
    {
        var nodes = await ExchangeDeliveryTests.PairedNodes.StartAsync(provider);
        var cnAgreement = ExchangeSamples.SenderAgreement();
        cnAgreement["weSend"] = new JsonArray("export-data", "control-result");
        var sgAgreement = ExchangeSamples.ReceiverAgreement();
        sgAgreement["theySend"] = new JsonArray("export-data", "control-result");
        sgAgreement["controlResults"] = new JsonObject { ["recognised"] = true, ["lanes"] = new JsonArray("red", "yellow") };
        Assert.Equal(HttpStatusCode.Created, (await LoopbackRouter.RegisterAsync(nodes.Cn, nodes.Sg, cnAgreement)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await LoopbackRouter.RegisterAsync(nodes.Sg, nodes.Cn, sgAgreement)).StatusCode);
        return nodes;
    }

    /// <summary>CN's export of shaver parts worth 1,000 EUR in <paramref name="container"/>, delivered to SG.</summary>
    private static async Task<string> ExportAsync(ExchangeDeliveryTests.PairedNodes nodes, string container, string seal)
    {
        var export = ExchangeSamples.Export(container);
        export["transport"]!["containers"]![0]!["seals"] = new JsonArray(seal);
        var mrn = await LodgeAsync(nodes.Exporter, export);
        await ExchangeSamples.EventuallyAsync(() => nodes.Sg.MessagesAsync("in"), m => m.Any(x => x.GetProperty("type").GetString() == "export-data"), "export data at SG");
        return mrn;
    }

    private static JsonObject Import(string container, string seal, decimal amount, string? document = null)
    {
        var import = Samples.Import(Importer);
        import["destinationCountry"] = "SG";
        import["invoiceAmount"]!["amount"] = amount;
        import["items"]![0]!["itemPrice"]!["amount"] = amount;
        import["transport"]!["containers"] = new JsonArray(new JsonObject { ["id"] = container, ["seals"] = new JsonArray(seal) });
        import["transport"]!["transportDocument"] = new JsonObject { ["type"] = "BL", ["id"] = document ?? "BL-" + container };
        return import;
    }

    private static async Task<string> LodgeAsync(HttpClient trader, JsonObject declaration)
    {
        var response = await trader.PostAsJsonAsync("/api/declarations", declaration);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("mrn").GetString()!;
    }

    private static async Task<(string Lane, string[] Reasons)> DecisionAsync(HttpClient officer, string mrn)
    {
        var risk = (await officer.GetFromJsonAsync<JsonElement>($"/api/declarations/{mrn}")).GetProperty("risk");
        var explanation = risk.GetProperty("explanation");
        return (risk.GetProperty("lane").GetString()!, [.. explanation.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!)]);
    }
}
