using System.Net;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Hosting;

public sealed class NodeSurfaceTests
{
    [Fact]
    public async Task HealthApiDescriptionAndReferencePageNeedNoKey()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var anonymous = node.Client(null);

        var health = await anonymous.GetAsync("/health");
        var openApi = await anonymous.GetStringAsync("/openapi/v1.json");
        var docs = await anonymous.GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
        Assert.Contains("/api/declarations/{mrn}/amendments", openApi, StringComparison.Ordinal);
        Assert.Contains("application/xml", openApi, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
    }

    [Fact]
    public async Task TariffLoadedByAnAdminChangesTheDutiesAssessed()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var admin = node.Admin();
        using var trader = await node.TraderAsync("GB123456789000");
        const string tariff = """
            { "name": "Test tariff 2026", "currency": "EUR", "deMinimis": 0, "defaultDutyRate": 1, "defaultVatRate": 10,
              "lines": [ { "hsPrefix": "851090", "basis": "adValorem", "dutyRate": 10, "vatRate": 10 } ] }
            """;

        var load = await admin.PutAsync("/api/tariff", new StringContent(tariff, System.Text.Encoding.UTF8, "application/json"));
        var bad = await admin.PutAsync("/api/tariff", new StringContent("""{ "name": "x", "currency": "EUR", "defaultDutyRate": -1, "defaultVatRate": 0 }""", System.Text.Encoding.UTF8, "application/json"));
        var lodged = await (await trader.PostAsync("/api/declarations", System.Net.Http.Json.JsonContent.Create(Samples.Import("GB123456789000")))).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, load.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(100m, lodged.GetProperty("duties").GetProperty("totalDuty").GetDecimal());
        Assert.Equal("Test tariff 2026", lodged.GetProperty("duties").GetProperty("tariffName").GetString());
    }
}
