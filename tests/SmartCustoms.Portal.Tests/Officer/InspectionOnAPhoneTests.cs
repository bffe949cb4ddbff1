using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace SmartCustoms.Portal.Tests.Officer;

public sealed class InspectionOnAPhoneTests
{
    [Fact]
    public async Task OfficerOnAPhoneRecordsAPhotographedResultForARedLaneDeclarationAndReleasesIt()
    {
        await using var scene = await BrowserScene.StartAsync();
        var (browser, node) = (scene.Browser, scene.Node);
        await node.AddCriterionAsync(await node.KeyAsync("analyst"), Scenes.ShaverParts);
        var mrn = await node.LodgeAsync(await node.KeyAsync("trader", Scenes.Declarant), Samples.Import(Scenes.Declarant));
        var officerKey = await node.KeyAsync("officer");
        var page = await browser.NewPageAsync(node.BaseAddress, 390, 844);

        await PortalBrowser.SignInAsync(page, officerKey);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Control queue" })).ToBeVisibleAsync();
        await page.GetByLabel("Lane").SelectOptionAsync("Red");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = mrn })).ToBeVisibleAsync();
        await PortalBrowser.ScreenshotAsync(page, "officer-queue-phone");
        await page.GetByRole(AriaRole.Link, new() { Name = mrn }).ClickAsync();
        await Expect(page.Locator(".summary .lane")).ToHaveTextAsync("red lane");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Criteria hit" })).ToContainTextAsync("shaver-parts-cn");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record inspection result" }).ClickAsync();
        var pageWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await page.GetByLabel("Findings", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("undervaluation").CheckAsync();
        await page.GetByLabel("Revenue at stake (national currency)").FillAsync("1250.50");
        await page.GetByLabel("Notes").FillAsync("Invoice in the container shows twice the declared price.");
        await page.GetByLabel("Photos").SetInputFilesAsync(new FilePayload { Name = "seal.png", MimeType = "image/png", Buffer = Scenes.Photo });
        await page.GetByRole(AriaRole.Button, new() { Name = "Record result" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The inspection result is recorded.");
        var photoHash = Convert.ToHexStringLower(SHA256.HashData(Scenes.Photo));
        await Expect(page.Locator(".evidence")).ToContainTextAsync(photoHash);
        await page.GetByRole(AriaRole.Button, new() { Name = "Release the goods" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The goods are released.");
        await PortalBrowser.ScreenshotAsync(page, "officer-inspection-phone");

        Assert.True(pageWidth <= 390, $"The inspection form is {pageWidth} px wide on a 390 px phone screen.");
        await Expect(page.Locator("#status")).ToContainTextAsync("Released");
        using var officer = node.Client(officerKey);
        var stored = await officer.GetFromJsonAsync<JsonObject>($"/api/declarations/{mrn}");
        Assert.Equal("released", stored!["status"]!.GetValue<string>());
        var inspection = stored["risk"]!["inspections"]![0]!;
        Assert.Equal(["undervaluation"], inspection["categories"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(1250.50m, inspection["revenueAtStake"]!.GetValue<decimal>());
        Assert.Equal(photoHash, inspection["evidence"]![0]!["sha256"]!.GetValue<string>());
    }
}
