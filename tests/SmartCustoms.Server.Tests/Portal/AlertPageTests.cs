using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartCustoms.Server.Tests.Exchange;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Portal;

/// <summary>An analyst alerts a partner from the browser: errors beside their field, then the partner's analysts see the proposal.</summary>
public sealed class AlertPageTests
{
    [Fact]
    public async Task AnAnalystAlertsAPartnerFromThePortalAndThePartnerGetsTheProposal()
    {
        await using var nodes = await ExchangeDeliveryTests.PairedNodes.StartAsync(Databases.Sqlite);
        Assert.Equal(HttpStatusCode.Created, (await LoopbackRouter.RegisterAsync(nodes.Cn, nodes.Sg, ExchangeSamples.WithRiskAlerts(ExchangeSamples.SenderAgreement()))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await LoopbackRouter.RegisterAsync(nodes.Sg, nodes.Cn, ExchangeSamples.WithRiskAlerts(ExchangeSamples.ReceiverAgreement()))).StatusCode);
        var (browser, _) = await PortalAccessTests.SignInAsync(nodes.Cn, "analyst");

        var form = await browser.GetStringAsync("/Analyst/Alert");
        var refused = await browser.PostAsync("/Analyst/Alert", Form(form, hs: "85x"));
        var refusedPage = await refused.Content.ReadAsStringAsync();
        var sent = await browser.PostAsync("/Analyst/Alert", Form(form, hs: "8510 8509"));

        Assert.Contains("<option value=\"SG\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("class=\"field-error\"", refusedPage, StringComparison.Ordinal);
        Assert.Contains("value=\"Undervalued shaver parts\"", refusedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        using var sgAnalyst = await nodes.Sg.ClientForAsync("analyst");
        var proposals = await ExchangeSamples.EventuallyAsync(
            async () => await sgAnalyst.GetFromJsonAsync<JsonElement[]>("/api/risk/proposals") ?? [], p => p.Length == 1, "the proposal at SG");
        Assert.Equal("Undervalued shaver parts", proposals[0].GetProperty("title").GetString());
        Assert.Equal("CN", proposals[0].GetProperty("sender").GetString());
    }

    private static FormUrlEncodedContent Form(string form, string hs) => new(new Dictionary<string, string>
    {
        ["Partner"] = "SG",
        ["Title"] = "Undervalued shaver parts",
        ["Text"] = "Invoices at 40% of market price seen at export.",
        ["HsCodes"] = hs,
        ["Origins"] = "CN",
        ["__RequestVerificationToken"] = PortalAccessTests.TokenIn(form),
    });
}
