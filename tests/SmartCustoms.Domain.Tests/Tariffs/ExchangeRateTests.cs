using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Tariffs;
using static SmartCustoms.Domain.Tests.Tariffs.TestTariff;

namespace SmartCustoms.Domain.Tests.Tariffs;

/// <summary>The test tariff has USD at 0.90 from 2025, 0.92 from 2026 and 0.80 from 2027, and GBP at 1.16.</summary>
public class ExchangeRateTests
{
    [Theory]
    [InlineData("2025-06-01", "0.90", "900")]
    [InlineData("2026-01-01", "0.92", "920")]
    [InlineData("2026-03-02", "0.92", "920")]
    [InlineData("2027-01-01", "0.80", "800")]
    public void ConvertsWithTheLatestRateInForceOnTheDay(string day, string rate, string value)
    {
        var assessment = Import(Item("610910", Money(1000m, "USD"))).Assess(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(Parse(rate), assessment.ExchangeRate);
        Assert.Equal(Parse(value), assessment.TotalCustomsValue);
    }

    [Fact]
    public void RoundsTheConvertedValueToCents_33point33UsdAt0point92Is30point6636To30point66() =>
        Assert.Equal(30.66m, Import(Item("610910", Money(33.33m, "USD"))).Assess().TotalCustomsValue);

    [Fact]
    public void PrefersTheRateStatedOnTheDeclaration_1000UsdAt0point85Is850()
    {
        var declaration = Import(Item("610910", Money(1000m, "USD"))) with { ExchangeRate = 0.85m, InvoiceAmount = Money(1000m, "USD") };

        var assessment = declaration.Assess();

        Assert.Equal((0.85m, 850m), (assessment.ExchangeRate, assessment.TotalCustomsValue));
    }

    [Fact]
    public void AppliesTheStatedRateOnlyToTheInvoiceCurrency_1000UsdAt0point85Plus100GbpAt1point16Is966()
    {
        var freight = new ValuationAdjustment { Code = "AK", Amount = Money(100m, "GBP") };
        var declaration = Import(Item("610910", Money(1000m, "USD")) with { ValuationAdjustments = [freight] })
            with { ExchangeRate = 0.85m, InvoiceAmount = Money(1000m, "USD") };

        Assert.Equal(966m, declaration.Assess().TotalCustomsValue);
    }

    [Fact]
    public void NeedsNoRateForTheNationalCurrency() =>
        Assert.Equal(1m, Import(Item("610910", Eur(1000m))).Assess(schedule: Schedule with { ExchangeRates = [] }).ExchangeRate);

    [Theory]
    [InlineData("JPY", "2026-03-02")]
    [InlineData("USD", "2024-12-31")]
    public void ReportsAMissingRateAtTheItemCurrencyInsteadOfAssessing(string currency, string day)
    {
        var declaration = Import(Item("610910", Eur(100m)), Item("610910", Money(1000m, currency)));

        var result = TariffCalculator.Assess(declaration, Schedule, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Null(result.Assessment);
        Assert.Equal([("currency.no-exchange-rate", "/items/1/itemPrice/currency")], result.Issues.Select(i => (i.Code, i.Pointer)));
    }

    [Fact]
    public void PointsAtTheCustomsValueCurrencyWhenThatIsWhatCannotBeConverted()
    {
        var declaration = Import(Item("610910", Eur(1000m)) with { CustomsValue = Money(150_000m, "JPY") });

        var issue = Assert.Single(TariffCalculator.Assess(declaration, Schedule, Today).Issues);

        Assert.Equal(("currency.no-exchange-rate", "/items/0/customsValue/currency"), (issue.Code, issue.Pointer));
    }

    [Fact]
    public void ReportsAnAdjustmentThatCannotBeConvertedRatherThanDroppingIt()
    {
        var insurance = new ValuationAdjustment { Code = "AS", Amount = Money(5000m, "JPY") };
        var declaration = Import(Item("610910", Eur(1000m)) with { ValuationAdjustments = [insurance] });

        var result = TariffCalculator.Assess(declaration, Schedule, Today);

        Assert.Null(result.Assessment);
        Assert.Equal([("currency.no-exchange-rate", "/items/0/valuationAdjustments/0/amount/currency")], result.Issues.Select(i => (i.Code, i.Pointer)));
    }

    private static decimal Parse(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
