using SmartCustoms.Domain.Tariffs;

namespace SmartCustoms.Domain.Tests.Tariffs;

public class TariffFileTests
{
    private const string Valid = """
        {
          "name": "National tariff 2026",
          "currency": "EUR",
          "deMinimis": 150,
          "defaultDutyRate": 5,
          "defaultVatRate": 20,
          "lines": [
            { "hsPrefix": "2402", "basis": "perKilogram", "dutyRate": 60, "vatRate": 20, "validFrom": "2026-01-01", "validTo": "2026-12-31" }
          ],
          "exchangeRates": [ { "currency": "USD", "validFrom": "2026-01-01", "rate": 0.92 } ]
        }
        """;

    [Fact]
    public void ParsesAValidSchedule()
    {
        var (schedule, errors) = TariffFile.Parse(Valid);

        Assert.Empty(errors);
        Assert.NotNull(schedule);
        Assert.Equal(("National tariff 2026", "EUR", 150m, 5m, 20m), (schedule.Name, schedule.Currency, schedule.DeMinimis, schedule.DefaultDutyRate, schedule.DefaultVatRate));
        var line = Assert.Single(schedule.Lines);
        Assert.Equal(("2402", DutyBasis.PerKilogram, 60m, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), (line.HsPrefix, line.Basis, line.DutyRate, line.ValidFrom, line.ValidTo));
        Assert.Equal(0.92m, Assert.Single(schedule.ExchangeRates).Rate);
    }

    [Theory]
    [InlineData("\"dutyRate\": 60", "\"dutyRate\": -1", "lines[0]: rates cannot be negative.")]
    [InlineData("\"vatRate\": 20, \"validFrom\"", "\"vatRate\": -20, \"validFrom\"", "lines[0]: rates cannot be negative.")]
    [InlineData("\"defaultVatRate\": 20", "\"defaultVatRate\": -20", "deMinimis and default rates cannot be negative.")]
    [InlineData("\"deMinimis\": 150", "\"deMinimis\": -1", "deMinimis and default rates cannot be negative.")]
    [InlineData("\"hsPrefix\": \"2402\"", "\"hsPrefix\": \"24O2\"", "lines[0].hsPrefix '24O2' must be 2 to 10 digits.")]
    [InlineData("\"hsPrefix\": \"2402\"", "\"hsPrefix\": \"2\"", "lines[0].hsPrefix '2' must be 2 to 10 digits.")]
    [InlineData("\"hsPrefix\": \"2402\"", "\"hsPrefix\": \"24022000001\"", "lines[0].hsPrefix '24022000001' must be 2 to 10 digits.")]
    [InlineData("\"validTo\": \"2026-12-31\"", "\"validTo\": \"2025-12-31\"", "lines[0]: validTo is before validFrom.")]
    [InlineData("\"rate\": 0.92", "\"rate\": 0", "exchangeRates[0].rate must be more than zero.")]
    [InlineData("\"currency\": \"EUR\"", "\"currency\": \"EURO\"", "currency must be an ISO 4217 code.")]
    public void RefusesScheduleThatBreaksARule(string find, string replace, string error)
    {
        var (schedule, errors) = TariffFile.Parse(Valid.Replace(find, replace, StringComparison.Ordinal));

        Assert.Null(schedule);
        Assert.Equal([error], errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("\"EUR\"")]
    [InlineData("{\"name\": \"x\"}")]
    [InlineData("{\"name\": \"x\", \"currency\": \"EUR\", \"defaultDutyRate\": 1, \"defaultVatRate\": 1, \"surprise\": true}")]
    [InlineData("{\"name\": \"x\", \"currency\": \"EUR\", \"defaultDutyRate\": \"1\", \"defaultVatRate\": 1}")]
    [InlineData("{\"name\": \"x\", \"currency\": \"EUR\", \"defaultDutyRate\": 1, \"defaultVatRate\": 1, \"lines\": [{\"hsPrefix\": \"22\", \"basis\": \"perLitre\", \"dutyRate\": 1, \"vatRate\": 1}]}")]
    [InlineData("{\"name\": \"x\", \"currency\": \"EUR\", \"defaultDutyRate\": 1, \"defaultVatRate\": 1, \"lines\": null}")]
    [InlineData("{\"name\": \"x\", \"currency\": \"EUR\", \"defaultDutyRate\": 1, \"defaultVatRate\": 1, \"lines\": [null]}")]
    [InlineData("{\"name\": \"x\", \"currency\": \"EUR\", \"defaultDutyRate\": 1, \"defaultVatRate\": 1, \"exchangeRates\": [null]}")]
    [InlineData("null")]
    public void GivesErrorsNotExceptionsForADocumentThatIsNotASchedule(string json)
    {
        var (schedule, errors) = TariffFile.Parse(json);

        Assert.Null(schedule);
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void LoadsTheDemoTariffWhichPassesItsOwnChecks()
    {
        var demo = TariffFile.LoadDemo();

        Assert.Contains("DEMO", demo.Name, StringComparison.Ordinal);
        Assert.NotEmpty(demo.Lines);
        Assert.NotEmpty(demo.ExchangeRates);
        Assert.Empty(TariffFile.Check(demo));
    }

    [Fact]
    public void AssessesWineUnderTheDemoTariff_100LitresAt1point30Is130_VatOn330Is66()
    {
        var wine = TestTariff.Item("220421", TestTariff.Eur(200m)) with { Quantity = 100m };

        var item = Assert.Single(TestTariff.Import(wine).Assess(schedule: TariffFile.LoadDemo()).Items);

        Assert.Equal(("2204", 130m, 66m), (item.TariffLine, item.Duty, item.Vat));
    }
}
