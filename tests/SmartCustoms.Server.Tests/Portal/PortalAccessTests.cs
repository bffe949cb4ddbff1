using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Portal;

/// <summary>The portal's sessions and role checks, over HTTP without a browser.</summary>
public sealed partial class PortalAccessTests
{
    private const string Declarant = "GB123456789000";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    internal static string TokenIn(string form) => AntiforgeryToken().Match(form).Groups[1].Value;

    internal static async Task<(HttpClient Browser, HttpResponseMessage SignIn)> SignInAsync(TestNode node, string role, string? party = null)
    {
        using var admin = node.Admin();
        var created = await (await admin.PostAsJsonAsync("/api/keys", new { role, partyId = party, name = role })).Content.ReadFromJsonAsync<JsonElement>();
        var browser = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await browser.GetStringAsync("/signin");
        var response = await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ApiKey"] = created.GetProperty("key").GetString()!,
            ["__RequestVerificationToken"] = TokenIn(form),
        }));
        return (browser, response);
    }

    [Fact]
    public async Task SignInOpensAStrictHttpOnlySessionThatTheApiDoesNotAccept()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        var (browser, signIn) = await SignInAsync(node, "officer");
        using var _ = browser;

        var queue = await browser.GetAsync("/Officer/Queue");
        var api = await browser.GetAsync("/api/declarations");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("smartcustoms-session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task ATraderNeitherReachesOfficerPagesNorSeesAnotherTradersDeclaration()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var other = await node.TraderAsync("GB999999999000");
        var theirs = await (await other.PostAsJsonAsync("/api/declarations", Samples.Import("GB999999999000"))).JsonAsync();
        var (browser, _) = await SignInAsync(node, "trader", Declarant);
        using var __ = browser;

        var officerPage = await browser.GetAsync("/Officer/Queue");
        var analystPage = await browser.GetAsync("/Analyst/Criteria");
        var theirPage = await browser.GetAsync($"/Trader/Declaration/{theirs.GetProperty("mrn").GetString()}");

        Assert.Equal(HttpStatusCode.Redirect, officerPage.StatusCode);
        Assert.StartsWith("/denied", officerPage.Headers.Location!.AbsolutePath, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("/denied", analystPage.Headers.Location!.AbsolutePath, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, theirPage.StatusCode);
    }

    [Fact]
    public async Task PagesNeedASessionAndFormsNeedTheirAntiforgeryToken()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var anonymous = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var (browser, _) = await SignInAsync(node, "analyst");
        using var __ = browser;

        var page = await anonymous.GetAsync("/Officer/Queue");
        var forged = await browser.PostAsync("/Analyst/Criterion", new FormUrlEncodedContent(new Dictionary<string, string> { ["Json"] = "{}" }));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/signin", page.Headers.Location!.AbsolutePath, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task AnAnalystOpensTheCriteriaPerformanceAndModelPagesOfAFreshNode()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        var (browser, _) = await SignInAsync(node, "analyst");
        using var __ = browser;

        var criteria = await browser.GetAsync("/Analyst/Criteria");
        var performance = await browser.GetAsync("/Analyst/Performance");
        var models = await browser.GetAsync("/Analyst/Models");
        var officerPage = await browser.GetAsync("/Officer/Queue");

        Assert.Equal(HttpStatusCode.OK, criteria.StatusCode);
        Assert.Contains("By lane", await performance.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("No model yet", await models.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, officerPage.StatusCode);
    }

    [Fact]
    public async Task AnUploadOverTheNodesDeclarationLimitIsRefusedAndNothingIsLodged()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite, settings: new Dictionary<string, string?>
        {
            ["SmartCustoms:Limits:MaxDeclarationBytes"] = "2048",
        });
        var (browser, _) = await SignInAsync(node, "trader", Declarant);
        using var __ = browser;
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(TokenIn(await browser.GetStringAsync("/Trader/Lodge"))), "__RequestVerificationToken" },
            { new ByteArrayContent(new byte[4096]), "Upload", "declaration.json" },
        };

        var response = await browser.PostAsync("/Trader/Lodge", upload);
        var list = await browser.GetStringAsync("/Trader/Index");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than the 2048 bytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("No declarations yet", list, StringComparison.Ordinal);
    }
}
