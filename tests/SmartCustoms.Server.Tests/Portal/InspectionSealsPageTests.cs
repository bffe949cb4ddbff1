using System.Net;
using System.Net.Http.Json;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Portal;

/// <summary>At the quay, the officer records the seals on each container with the result, and sees them on the declaration.</summary>
public sealed class InspectionSealsPageTests
{
    [Fact]
    public async Task TheOfficerRecordsTheSealsOnEachDeclaredContainerAndSeesThemWithTheResult()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var trader = await node.TraderAsync("GB123456789000");
        using var officer = await node.OfficerAsync();
        var mrn = (await (await trader.PostAsJsonAsync("/api/declarations", Samples.Import("GB123456789000"))).JsonAsync()).GetProperty("mrn").GetString();
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/declarations/{mrn}/reroute", new { lane = "red", reason = "examine" })).StatusCode);
        var (browser, _) = await PortalAccessTests.SignInAsync(node, "officer");

        var form = await browser.GetStringAsync($"/Officer/Inspect/{mrn}");
        var posted = await browser.PostAsync($"/Officer/Inspect/{mrn}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Outcome"] = "none",
            ["Seals[0]"] = "gb-7781, GB-7782",
            ["__RequestVerificationToken"] = PortalAccessTests.TokenIn(form),
        }));
        var page = await browser.GetStringAsync($"/Officer/Declaration/{mrn}");
        var stored = (await officer.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/declarations/{mrn}")).GetProperty("risk").GetProperty("inspections")[0];

        Assert.Contains("<label for=\"seals-0\">CSQU3054383</label>", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("Seals after the control: CSQU3054383: GB-7781, GB-7782", page, StringComparison.Ordinal);
        Assert.Equal(["GB-7781", "GB-7782"], stored.GetProperty("seals")[0].GetProperty("seals").EnumerateArray().Select(s => s.GetString()));
    }
}
