using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Portal;

/// <summary>The public statistics page: open without sign-in, aggregates only, cells of too few traders suppressed.</summary>
public sealed partial class PublicStatisticsTests
{
    // The default SmartCustoms:Statistics:MinTraders.
    private const int MinTraders = 5;

    [GeneratedRegex("<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    /// <summary>Each table row as its cells' text joined by '|', e.g. <c>2026-11|85|5|5|5|5,000.00</c>.</summary>
    private static List<string> Rows(string html) =>
        [.. Row().Matches(html).Select(m => string.Join('|', Tag().Split(m.Groups[1].Value).Select(c => c.Trim()).Where(c => c.Length > 0)))];

    /// <summary>An import of one item with its own chapter, origin and price.</summary>
    private static JsonObject Import(string declarant, string hsCode, string origin, decimal price)
    {
        var declaration = Samples.Import(declarant);
        declaration["invoiceAmount"]!["amount"] = price;
        var item = declaration["items"]![0]!;
        item["hsCode"] = hsCode;
        item["origin"] = origin;
        item["itemPrice"]!["amount"] = price;
        return declaration;
    }

    /// <summary>Lodges as its own trader and returns the item's customs value in national currency as the node assessed it.</summary>
    private static async Task<decimal> LodgeAsync(TestNode node, string declarant, string hsCode, string origin, decimal price)
    {
        using var trader = await node.TraderAsync(declarant);
        var response = await trader.PostAsJsonAsync("/api/declarations", Import(declarant, hsCode, origin, price));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var lodged = await response.JsonAsync();
        return lodged.TryGetProperty("duties", out var duties) && duties.ValueKind == JsonValueKind.Object
            ? duties.GetProperty("items")[0].GetProperty("customsValue").GetDecimal()
            : price;
    }

    [Fact]
    public async Task ThePageAnswersWithoutSignInAndIsLinkedFromTheSignInPage()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var anonymous = node.Client(apiKey: null);

        var page = await anonymous.GetAsync("/statistics");
        var signIn = await anonymous.GetStringAsync("/signin");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<caption", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("href=\"/statistics\"", signIn, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ACellOfEnoughTradersShowsItsFiguresAndACellOfOneTraderIsSuppressedEverywhere(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        var shaverValues = new List<decimal>();
        var laptopValues = new List<decimal>();
        for (var i = 0; i < MinTraders; i++)
        {
            shaverValues.Add(await LodgeAsync(node, $"GB10000000{i}000", "85109000", "CN", 1000m + i));
            laptopValues.Add(await LodgeAsync(node, $"GB30000000{i}000", "84713000", "VN", 2000m + i));
        }

        var coffeeValue = await LodgeAsync(node, "GB200000000000", "09012100", "BR", 4321.57m);
        using var anonymous = node.Client(apiKey: null);

        var response = await anonymous.GetAsync("/statistics");
        var html = await response.Content.ReadAsStringAsync();
        var rows = Rows(html);

        var month = DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        static string Money(decimal value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture);
        var laptops = Money(laptopValues.Sum());
        // The coffee alone is too small to publish; merged with the smallest published cell it is not.
        var other = Money(shaverValues.Sum() + coffeeValue);
        var others = MinTraders + 1;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"{month}|84|{MinTraders}|{MinTraders}|{MinTraders}|{laptops}", rows);
        Assert.Contains($"{month}|VN|{MinTraders}|{MinTraders}|{MinTraders}|{laptops}", rows);
        Assert.Contains($"84|{MinTraders}|{MinTraders}|{MinTraders}|{laptops}", rows);
        Assert.Contains($"{month}|09|suppressed|suppressed|suppressed|suppressed", rows);
        Assert.Contains($"{month}|BR|suppressed|suppressed|suppressed|suppressed", rows);
        Assert.Contains($"{month}|85|suppressed|suppressed|suppressed|suppressed", rows);
        Assert.Contains($"{month}|CN|suppressed|suppressed|suppressed|suppressed", rows);
        // Both monthly tables add up to the same month total, so neither gives the other's small cells away.
        Assert.Equal(2, rows.Count(r => r == $"{month}|other (merged small cells)|{others}|{others}|{others}|{other}"));
        Assert.Contains("09|suppressed|suppressed|suppressed|suppressed", rows);
        Assert.Contains("BR|suppressed|suppressed|suppressed|suppressed", rows);
        Assert.Contains("85|suppressed|suppressed|suppressed|suppressed", rows);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        foreach (var hidden in new[] { Money(coffeeValue), coffeeValue.ToString(CultureInfo.InvariantCulture), "4321", Money(shaverValues.Sum()) })
        {
            Assert.DoesNotContain(hidden, html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("GB200000000000", html, StringComparison.Ordinal);
        Assert.DoesNotContain("GB100000000000", html, StringComparison.Ordinal);
    }
}
