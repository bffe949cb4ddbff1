using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using SmartCustoms.Server.Tests.Exchange;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Portal;

/// <summary>The analysts' page of partners' risk alerts: adopt (as proposed or edited) or dismiss, with errors beside the proposal.</summary>
public sealed partial class ProposalsPageTests : IDisposable
{
    private readonly ECDsa _cnKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _cnKey.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [Fact]
    public async Task AnAnalystAdoptsOneAlertAfterFixingTheEditedCriterionAndDismissesAnotherWithAReason()
    {
        await using var sg = await RiskAlertTests.StartSgAsync(Databases.Sqlite, _cnKey);
        using var partner = sg.Client(null);
        foreach (var title in new[] { "Shaver parts under-declared", "Second alert" })
        {
            var sent = await partner.PostAsync("/api/exchange/inbox", RiskAlertTests.Jose(RiskAlertTests.Sign(RiskAlertTests.Envelope(p => p["title"] = title), _cnKey)));
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        using var analyst = await sg.ClientForAsync("analyst");
        var proposals = await analyst.GetFromJsonAsync<JsonElement[]>("/api/risk/proposals") ?? [];
        var (second, first) = (proposals[0].GetProperty("id").GetString()!, proposals[1].GetProperty("id").GetString()!);
        var criterionId = proposals[1].GetProperty("criterion").GetProperty("id").GetString()!;
        var (browser, _) = await PortalAccessTests.SignInAsync(sg, "analyst");
        using var __ = browser;
        var (officer, _) = await PortalAccessTests.SignInAsync(sg, "officer");
        using var ___ = officer;

        var page = await browser.GetStringAsync("/Analyst/Proposals");
        var asOfficer = await officer.GetAsync("/Analyst/Proposals");
        var badEdit = await PostAsync(browser, "Adopt", new() { ["id"] = first, ["json"] = $$"""{ "id": "{{criterionId}}", "name": "x", "weight": 5000, "when": { "field": "hsCode", "op": "startsWith", "value": "8510" } }""" });
        var badEditPage = await badEdit.Content.ReadAsStringAsync();
        var adopted = await PostAsync(browser, "Adopt", new() { ["id"] = first, ["json"] = "" });
        var noReason = await PostAsync(browser, "Dismiss", new() { ["id"] = second, ["reason"] = "" });
        var dismissed = await PostAsync(browser, "Dismiss", new() { ["id"] = second, ["reason"] = "We see no such trade." });
        var after = await browser.GetStringAsync("/Analyst/Proposals");

        Assert.Contains("Shaver parts under-declared", page, StringComparison.Ordinal);
        Assert.Contains("Second alert", page, StringComparison.Ordinal);
        Assert.Contains("hsCodes: 8510", page, StringComparison.Ordinal);
        Assert.Contains(criterionId, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, asOfficer.StatusCode);
        Assert.StartsWith("/denied", asOfficer.Headers.Location!.AbsolutePath, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.BadRequest, badEdit.StatusCode);
        Assert.Contains("data-pointer=\"/weight\"", badEditPage, StringComparison.Ordinal);
        Assert.Contains("5000", badEditPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, adopted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, dismissed.StatusCode);
        Assert.Contains("We see no such trade.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Adopt</button>", after, StringComparison.Ordinal);
        Assert.Single(await analyst.GetFromJsonAsync<JsonElement[]>($"/api/risk/criteria/{criterionId}/history") ?? []);
        Assert.Equal(
            ["dismissed", "adopted"],
            (await analyst.GetFromJsonAsync<JsonElement[]>("/api/risk/proposals") ?? []).Select(p => p.GetProperty("status").GetString()));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(await browser.GetStringAsync("/Analyst/Proposals")).Groups[1].Value;
        return await browser.PostAsync($"/Analyst/Proposals?handler={handler}", new FormUrlEncodedContent(fields));
    }
}
