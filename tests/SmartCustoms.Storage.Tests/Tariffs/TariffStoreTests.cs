using System.Text.Json;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Tariffs;

namespace SmartCustoms.Storage.Tests.Tariffs;

public sealed class TariffStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task TheScheduleLoadedLastIsInForce(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var tariffs = storage.Database.Tariffs;
        var before = await tariffs.GetAsync(Ct);
        var at = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await tariffs.SaveAsync(Schedule("2024"), "admin", at, Ct);
        var current = Schedule("2025");
        await tariffs.SaveAsync(current, "admin", at, Ct);

        var loaded = await storage.Open().Tariffs.GetAsync(Ct);

        Assert.Null(before);
        Assert.NotNull(loaded);
        Assert.Equal(Json(current), Json(loaded));
        Assert.Equal(0.8m, loaded.Lines[1].DutyRate);
    }

    private static string Json(TariffSchedule schedule) => JsonSerializer.Serialize(schedule, DeclarationJson.Options);

    private static TariffSchedule Schedule(string year) => new()
    {
        Name = "UK Global Tariff " + year,
        Currency = "GBP",
        DeMinimis = 135m,
        DefaultDutyRate = 4.5m,
        DefaultVatRate = 20m,
        Lines =
        [
            new TariffLine { HsPrefix = "8471", Basis = DutyBasis.AdValorem, DutyRate = 0m, VatRate = 20m },
            new TariffLine
            {
                HsPrefix = "0201", Basis = DutyBasis.PerKilogram, DutyRate = 0.8m, VatRate = 0m,
                ValidFrom = new DateOnly(2025, 1, 1), ValidTo = new DateOnly(2025, 12, 31),
            },
        ],
        ExchangeRates = [new ExchangeRate { Currency = "USD", ValidFrom = new DateOnly(2025, 3, 1), Rate = 0.7912m }],
    };
}
