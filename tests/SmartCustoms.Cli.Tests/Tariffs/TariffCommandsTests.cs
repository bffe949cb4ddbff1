using SmartCustoms.Storage;

namespace SmartCustoms.Cli.Tests.Tariffs;

public sealed class TariffCommandsTests : IDisposable
{
    private const string ValidTariff = """
        {
          "name": "Test tariff 2025",
          "currency": "EUR",
          "deMinimis": 150,
          "defaultDutyRate": 4,
          "defaultVatRate": 20,
          "lines": [
            { "hsPrefix": "8510", "basis": "adValorem", "dutyRate": 2.2, "vatRate": 20 },
            { "hsPrefix": "2204", "basis": "perUnit", "dutyRate": 1.3, "vatRate": 20, "validFrom": "2025-01-01" }
          ],
          "exchangeRates": [ { "currency": "USD", "validFrom": "2025-01-01", "rate": 0.92 } ]
        }
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ImportsAValidScheduleAndMakesItTheOneInForce()
    {
        var file = _folder.Write("tariff.json", ValidTariff);

        var run = await CliRun.StartAsync("tariff", "import", file, "--data-dir", _folder.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Imported tariff \"Test tariff 2025\" (EUR): 2 lines, 1 exchange rates.", run.Output, StringComparison.Ordinal);
        Assert.Equal("Test tariff 2025", (await InForceAsync())?.Name);
    }

    [Fact]
    public async Task RefusesAnInvalidScheduleListingEachErrorAndKeepsTheOneInForce()
    {
        await CliRun.StartAsync("tariff", "import", _folder.Write("tariff.json", ValidTariff), "--data-dir", _folder.Path);
        var invalid = _folder.Write("invalid.json", ValidTariff
            .Replace("\"8510\"", "\"85A0\"", StringComparison.Ordinal)
            .Replace("\"rate\": 0.92", "\"rate\": 0", StringComparison.Ordinal));

        var run = await CliRun.StartAsync("tariff", "import", invalid, "--data-dir", _folder.Path);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("lines[0].hsPrefix '85A0' must be 2 to 10 digits.", run.Error, StringComparison.Ordinal);
        Assert.Contains("exchangeRates[0].rate must be more than zero.", run.Error, StringComparison.Ordinal);
        Assert.Equal("Test tariff 2025", (await InForceAsync())?.Name);
    }

    [Fact]
    public async Task ExplainsAFileThatIsNotJson()
    {
        var file = _folder.Write("tariff.json", "name: not json");

        var run = await CliRun.StartAsync("tariff", "import", file, "--data-dir", _folder.Path);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("Not a tariff schedule", run.Error, StringComparison.Ordinal);
    }

    private async Task<Domain.Tariffs.TariffSchedule?> InForceAsync()
    {
        var database = StorageFactory.Create(new StorageOptions { DataDirectory = _folder.Path });
        await using (database)
        {
            await database.MigrateAsync(TestContext.Current.CancellationToken);
            return await database.Tariffs.GetAsync(TestContext.Current.CancellationToken);
        }
    }
}
