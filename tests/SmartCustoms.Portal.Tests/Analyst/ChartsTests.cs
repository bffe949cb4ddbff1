using System.Net;
using System.Net.Http.Json;

namespace SmartCustoms.Portal.Tests.Analyst;

public sealed class ChartsTests
{
    [Fact]
    public async Task AnalystSeesLaneAndHitRateChartsDrawnFromTheInspectionResults()
    {
        await using var scene = await BrowserScene.StartAsync();
        var (browser, node) = (scene.Browser, scene.Node);
        var analystKey = await node.KeyAsync("analyst");
        await node.AddCriterionAsync(analystKey, Scenes.ShaverParts);
        var traderKey = await node.KeyAsync("trader", Scenes.Declarant);
        using var officer = node.Client(await node.KeyAsync("officer"));
        for (var i = 0; i < 2; i++)
        {
            var mrn = await node.LodgeAsync(traderKey, Samples.Import(Scenes.Declarant));
            var result = await officer.PostAsJsonAsync($"/api/declarations/{mrn}/inspection-result",
                i == 0 ? new { findings = true, categories = new[] { "undervaluation" }, revenueAtStake = 100m } : (object)new { findings = false });
            Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        }

        var page = await browser.NewPageAsync(node.BaseAddress);

        await PortalBrowser.SignInAsync(page, analystKey);
        await page.GetByRole(AriaRole.Link, new() { Name = "Charts" }).ClickAsync();
        await Expect(page.Locator("figure.chart svg")).ToHaveCountAsync(2);
        await page.GetByText("The figures of both charts").ClickAsync();
        var lastWeek = page.Locator("details tbody tr").Last;
        await Expect(lastWeek).ToContainTextAsync("100.0 %");
        await Expect(lastWeek).ToContainTextAsync("50.0 %");
        await PortalBrowser.ScreenshotAsync(page, "analyst-charts");
    }
}
