using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Portal;

/// <summary>
/// The revenue an officer types at the container is recorded as the officer meant it: read in the officer's language,
/// shown back before it is saved, and refused when it could be read two ways.
/// </summary>
public sealed class InspectionRevenuePageTests
{
    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task TwelveCommaFiftyIsShownBackAsTwelveAndAHalfAndRecordedSoOnceConfirmed(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        var (browser, officer, mrn) = await ControlledDeclarationAsync(node);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.8");

        var form = await browser.GetStringAsync($"/Officer/Inspect/{mrn}");
        var first = await browser.PostAsync($"/Officer/Inspect/{mrn}", Form(form, "12,50"));
        var shownBack = await first.Content.ReadAsStringAsync();
        var before = await InspectionsAsync(officer, mrn);
        var confirmed = await browser.PostAsync($"/Officer/Inspect/{mrn}", Form(shownBack, "12,50", confirmed: "12.50"));
        var after = await InspectionsAsync(officer, mrn);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("<strong id=\"revenue-understood\">12.50</strong>", shownBack, StringComparison.Ordinal);
        Assert.Contains("<span id=\"revenue-spelled\">12 and 50/100</span>", shownBack, StringComparison.Ordinal);
        Assert.Contains("name=\"RevenueConfirmed\" value=\"12.50\"", shownBack, StringComparison.Ordinal);
        Assert.Equal(0, before.GetArrayLength());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(12.50m, after[0].GetProperty("revenueAtStake").GetDecimal());
    }

    [Fact]
    public async Task AGroupedAmountIsReadInTheOfficersLanguage()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        var (browser, officer, mrn) = await ControlledDeclarationAsync(node);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-ES");

        var form = await browser.GetStringAsync($"/Officer/Inspect/{mrn}");
        var shownBack = await (await browser.PostAsync($"/Officer/Inspect/{mrn}", Form(form, "1.250"))).Content.ReadAsStringAsync();
        var changedMind = await (await browser.PostAsync($"/Officer/Inspect/{mrn}", Form(shownBack, "1.250,5", confirmed: "1250"))).Content.ReadAsStringAsync();
        var recorded = await browser.PostAsync($"/Officer/Inspect/{mrn}", Form(changedMind, "1.250,5", confirmed: "1250.5"));

        Assert.Contains("<strong id=\"revenue-understood\">1.250,00</strong>", shownBack, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"revenue-understood\">1.250,50</strong>", changedMind, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal(1250.5m, (await InspectionsAsync(officer, mrn))[0].GetProperty("revenueAtStake").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AnAmountThatCouldBeReadTwoWaysIsRefusedBesideTheFieldAndNothingIsStored(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        var (browser, officer, mrn) = await ControlledDeclarationAsync(node);

        var form = await browser.GetStringAsync($"/Officer/Inspect/{mrn}");
        var refused = await browser.PostAsync($"/Officer/Inspect/{mrn}", Form(form, "1,250", confirmed: "1250"));
        var page = await refused.Content.ReadAsStringAsync();
        var word = await browser.PostAsync($"/Officer/Inspect/{mrn}", Form(form, "twelve"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("could be read two ways", page, StringComparison.Ordinal);
        Assert.Contains("Type 1250 if you mean thousands, or 1,25 if you mean decimals.", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, word.StatusCode);
        Assert.Contains("&#x27;twelve&#x27; is not a number", await word.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await InspectionsAsync(officer, mrn)).GetArrayLength());
    }

    [Fact]
    public async Task PlainDigitsAreRecordedAtOnce()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        var (browser, officer, mrn) = await ControlledDeclarationAsync(node);

        var form = await browser.GetStringAsync($"/Officer/Inspect/{mrn}");
        var recorded = await browser.PostAsync($"/Officer/Inspect/{mrn}", Form(form, "1250.50"));

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal(1250.50m, (await InspectionsAsync(officer, mrn))[0].GetProperty("revenueAtStake").GetDecimal());
    }

    private static async Task<(HttpClient Browser, HttpClient Officer, string Mrn)> ControlledDeclarationAsync(TestNode node)
    {
        using var trader = await node.TraderAsync("GB123456789000");
        var officer = await node.OfficerAsync();
        var mrn = (await (await trader.PostAsJsonAsync("/api/declarations", Samples.Import("GB123456789000"))).JsonAsync()).GetProperty("mrn").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/declarations/{mrn}/reroute", new { lane = "red", reason = "examine" })).StatusCode);
        var (browser, _) = await PortalAccessTests.SignInAsync(node, "officer");
        return (browser, officer, mrn);
    }

    private static async Task<JsonElement> InspectionsAsync(HttpClient officer, string mrn) =>
        (await officer.GetFromJsonAsync<JsonElement>($"/api/declarations/{mrn}")).GetProperty("risk").GetProperty("inspections");

    private static FormUrlEncodedContent Form(string page, string revenue, string? confirmed = null) => new(new Dictionary<string, string>
    {
        ["Outcome"] = "findings",
        ["Categories"] = "undervaluation",
        ["Revenue"] = revenue,
        ["RevenueConfirmed"] = confirmed ?? "",
        ["__RequestVerificationToken"] = PortalAccessTests.TokenIn(page),
    });
}
