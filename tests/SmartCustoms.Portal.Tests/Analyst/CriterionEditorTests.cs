namespace SmartCustoms.Portal.Tests.Analyst;

public sealed class CriterionEditorTests
{
    [Fact]
    public async Task AnalystEditingACriterionSeesTheValidationErrorBesideItsPointerAndNothingIsSaved()
    {
        await using var scene = await BrowserScene.StartAsync();
        var (browser, node) = (scene.Browser, scene.Node);
        var analystKey = await node.KeyAsync("analyst");
        await node.AddCriterionAsync(analystKey, Scenes.ShaverParts);
        var page = await browser.NewPageAsync(node.BaseAddress);

        await PortalBrowser.SignInAsync(page, analystKey);
        await page.GetByRole(AriaRole.Link, new() { Name = "shaver-parts-cn" }).ClickAsync();
        var editor = page.GetByLabel("Criterion (JSON)");
        await Expect(editor).ToContainTextAsync("Shaver parts from China");
        await editor.FillAsync(Scenes.ShaverParts.Replace("\"weight\": 250", "\"weight\": 5000", StringComparison.Ordinal));
        // With the keyboard alone: the Save button is the next stop after the editor.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".errors .error[data-pointer='/weight']")).ToBeVisibleAsync();
        await PortalBrowser.ScreenshotAsync(page, "analyst-criterion-error");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The criterion has errors.");
        await Expect(editor).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("\"weight\": 5000"));
        await page.GotoAsync("/analyst/criteria");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "shaver-parts-cn" })).ToContainTextAsync("250");
    }
}
