using System.Text;

namespace SmartCustoms.Portal.Tests.Trader;

public sealed class LodgingByUploadTests
{
    [Fact]
    public async Task TraderSeesTheUploadedDeclarationsErrorWithItsFieldThenLodgesTheCorrectedFile()
    {
        await using var scene = await BrowserScene.StartAsync();
        var (browser, node) = (scene.Browser, scene.Node);
        var page = await browser.NewPageAsync(node.BaseAddress);
        var declaration = Samples.Import(Scenes.Declarant);
        var broken = declaration.DeepClone().AsObject();
        broken["items"]![0]!.AsObject().Remove("origin");

        await PortalBrowser.SignInAsync(page, await node.KeyAsync("trader", Scenes.Declarant));
        await page.GetByRole(AriaRole.Link, new() { Name = "Lodge", Exact = true }).ClickAsync();
        await UploadAsync(page, broken.ToJsonString());
        var error = page.Locator(".errors .error[data-pointer='/items/0/origin']");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToContainTextAsync("/items/0/origin");
        await UploadAsync(page, declaration.ToJsonString());
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Accepted");
        await PortalBrowser.ScreenshotAsync(page, "trader-lodged");
        // A 1280 px screen at 200% zoom lays the page out in 640 CSS pixels: it must reflow, not scroll sideways.
        await page.SetViewportSizeAsync(640, 450);
        var zoomedWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");

        await Expect(page.Locator("#status")).Not.ToBeEmptyAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Duties due" })).ToBeVisibleAsync();
        await Expect(page.Locator(".timeline li").First).ToContainTextAsync("accepted");
        await page.GetByRole(AriaRole.Link, new() { Name = "My declarations" }).ClickAsync();
        await Expect(page.Locator(".cards li")).ToHaveCountAsync(1);
        Assert.True(zoomedWidth <= 640, $"At 200% zoom the declaration page is {zoomedWidth} px wide in a 640 px window.");
    }

    private static async Task UploadAsync(IPage page, string json)
    {
        await page.GetByLabel("Declaration file (JSON or WCO DMS XML)").SetInputFilesAsync(
            new FilePayload { Name = "declaration.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(json) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lodge", Exact = true }).ClickAsync();
    }
}
