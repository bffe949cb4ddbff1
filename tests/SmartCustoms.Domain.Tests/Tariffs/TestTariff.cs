using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Tariffs;

namespace SmartCustoms.Domain.Tests.Tariffs;

/// <summary>A small EUR tariff whose every line is there to be matched or skipped by one test.</summary>
internal static class TestTariff
{
    public static readonly DateOnly Today = new(2026, 3, 2);

    public static TariffSchedule Schedule { get; } = new()
    {
        Name = "TEST tariff",
        Currency = "EUR",
        DeMinimis = 150m,
        DefaultDutyRate = 5m,
        DefaultVatRate = 20m,
        Lines =
        [
            // Longer prefixes first, so that "last match wins" would be caught.
            new TariffLine { HsPrefix = "8471", Basis = DutyBasis.AdValorem, DutyRate = 0m, VatRate = 20m },
            new TariffLine { HsPrefix = "84", Basis = DutyBasis.AdValorem, DutyRate = 2m, VatRate = 20m },
            new TariffLine { HsPrefix = "847130", Basis = DutyBasis.AdValorem, DutyRate = 1m, VatRate = 20m, ValidFrom = new DateOnly(2027, 1, 1) },
            new TariffLine { HsPrefix = "8481", Basis = DutyBasis.AdValorem, DutyRate = 4m, VatRate = 20m, ValidTo = new DateOnly(2025, 12, 31) },
            new TariffLine { HsPrefix = "2204", Basis = DutyBasis.PerUnit, DutyRate = 1.3m, VatRate = 20m },
            new TariffLine { HsPrefix = "2402", Basis = DutyBasis.PerKilogram, DutyRate = 60m, VatRate = 20m },
        ],
        // Deliberately out of date order: the latest rate in force wins, not the last listed.
        ExchangeRates =
        [
            new ExchangeRate { Currency = "USD", ValidFrom = new DateOnly(2026, 1, 1), Rate = 0.92m },
            new ExchangeRate { Currency = "USD", ValidFrom = new DateOnly(2027, 1, 1), Rate = 0.80m },
            new ExchangeRate { Currency = "USD", ValidFrom = new DateOnly(2025, 1, 1), Rate = 0.90m },
            new ExchangeRate { Currency = "GBP", ValidFrom = new DateOnly(2020, 1, 1), Rate = 1.16m },
        ],
    };

    public static Money Eur(decimal amount) => new() { Amount = amount, Currency = "EUR" };

    public static Money Money(decimal amount, string currency) => new() { Amount = amount, Currency = currency };

    public static GoodsItem Item(string hs, Money price) => new() { HsCode = hs, ItemPrice = price };

    public static Declaration Import(params GoodsItem[] items) => new() { Type = "IMA", Items = items };

    public static DutyAssessment Assess(this Declaration declaration, DateOnly? date = null, TariffSchedule? schedule = null)
    {
        var result = TariffCalculator.Assess(declaration, schedule ?? Schedule, date ?? Today);
        Assert.Empty(result.Issues);
        return Assert.IsType<DutyAssessment>(result.Assessment);
    }
}
