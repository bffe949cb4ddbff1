namespace SmartCustoms.Portal.Tests.Infrastructure;

/// <summary>What every browser test starts with: Chromium (or a skip where it is missing), then a node of its own.</summary>
public sealed class BrowserScene : IAsyncDisposable
{
    private BrowserScene(PortalBrowser browser, PortalNode node)
    {
        Browser = browser;
        Node = node;
    }

    public PortalBrowser Browser { get; }

    public PortalNode Node { get; }

    public static async Task<BrowserScene> StartAsync()
    {
        // The browser first: without Chromium the test is skipped before a node is started for nothing.
        var browser = await PortalBrowser.LaunchAsync();
        try
        {
            return new BrowserScene(browser, await PortalNode.StartAsync());
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync();
        await Browser.DisposeAsync();
    }
}
