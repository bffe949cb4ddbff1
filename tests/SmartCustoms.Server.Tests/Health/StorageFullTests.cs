using System.Net;
using System.Net.Http.Json;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Health;

public sealed class StorageFullTests
{
    [Fact]
    public async Task LodgingOnAFullDatabaseAnswers507StoresNothingAndFailsReadiness()
    {
        // The first start creates the database; the second caps it at the size it has then (SQLite's max_page_count
        // never goes below the file's size), so that the first write needing a new page fails with SQLITE_FULL.
        var first = await TestNode.StartAsync(Databases.Sqlite);
        await first.DisposeAsync();
        await using var node = await TestNode.StartAsync(Databases.Sqlite, shareWith: first, settings: new Dictionary<string, string?>
        {
            ["SmartCustoms:Storage:MaxDatabaseBytes"] = "65536",
        });
        using var trader = await node.TraderAsync("GB123456789000");
        using var anonymous = node.Client(null);

        var lodged = 0;
        HttpResponseMessage? refused = null;
        for (var attempt = 0; attempt < 100 && refused is null; attempt++)
        {
            var response = await trader.PostAsync("/api/declarations", JsonContent.Create(Samples.Import("GB123456789000")));
            if (response.StatusCode == HttpStatusCode.Created)
            {
                lodged++;
            }
            else
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        Assert.Equal(HttpStatusCode.InsufficientStorage, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.JsonAsync();
        Assert.Equal(507, problem.GetProperty("status").GetInt32());
        Assert.Equal("storage.full", problem.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Contains("storage is full", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("operator", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(lodged, (await (await trader.GetAsync("/api/declarations")).JsonAsync()).GetProperty("total").GetInt64());
        var ready = await anonymous.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", HealthTests.Checks(await ready.JsonAsync())["database"]);
        Assert.Equal("Unhealthy", await (await anonymous.GetAsync("/health")).Content.ReadAsStringAsync());
    }
}
