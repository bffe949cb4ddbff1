using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.ReferenceData;
using SmartCustoms.Domain.Synthetic;
using SmartCustoms.Domain.Tariffs;

namespace SmartCustoms.Domain.Tests.Synthetic;

public sealed class CommodityCatalogueTests
{
    private static readonly ReferenceCatalog Catalog = ReferenceCatalog.Default;

    [Fact]
    public void EveryCodeTheGeneratorUsesIsAnHs2022Subheading()
    {
        var codes = CommodityCatalogue.Profiles.Select(p => p.HsCode)
            .Concat(CommodityCatalogue.Profiles.Select(p => p.CheaperHsCode).OfType<string>())
            .Concat(CommodityCatalogue.CoverCodes);

        Assert.All(codes, code => Assert.Equal(6, Catalog.FindHs(code)?.Level));
    }

    [Fact]
    public void ProfilesAreDistinctAndPlausible()
    {
        var profiles = CommodityCatalogue.Profiles;

        Assert.InRange(profiles.Count, 40, 60);
        Assert.Equal(profiles.Count, profiles.Select(p => p.HsCode).Distinct().Count());
        Assert.All(profiles, p =>
        {
            Assert.True(p.EurPerKg > 0 && p.MinKg > 0 && p.MinKg < p.MaxKg, p.HsCode);
            Assert.NotEmpty(p.Descriptions);
            Assert.True(p.QuantityUnit is null || p.KgPerUnit > 0, p.HsCode);
        });
    }

    [Fact]
    public void EveryCountryOfTradeIsKnownWithPortsAndAirportsThatExist()
    {
        var countries = CommodityCatalogue.Profiles.SelectMany(p => p.Origins).Select(o => o.Country)
            .Concat(Geography.Hubs).Concat(CommodityCatalogue.PreferentialOrigins).Concat(Geography.ExportMarkets.Select(m => m.Country));

        Assert.All(countries, c => Assert.NotNull(Geography.Find(c)));
        Assert.All(Geography.Countries, c =>
        {
            Assert.True(Catalog.IsCountry(c.Code), c.Code);
            Assert.All(c.Seaports, p => Assert.True(Catalog.FindLocation(p) is { IsPort: true, Country: var country } && country == c.Code, p));
            Assert.All(c.Airports, p => Assert.True(Catalog.FindLocation(p)?.Country == c.Code, p));
        });
    }

    [Fact]
    public void EveryMisclassificationTargetPaysLessDutyUnderTheDemoTariff()
    {
        var tariff = TariffFile.LoadDemo();

        Assert.All(CommodityCatalogue.Profiles.Where(p => p.CheaperHsCode is not null), p =>
            Assert.True(Duty(tariff, p, p.CheaperHsCode!) < Duty(tariff, p, p.HsCode), $"{p.HsCode} -> {p.CheaperHsCode}"));
    }

    /// <summary>Duty on a typical tonne of the goods declared under the code.</summary>
    private static decimal Duty(TariffSchedule tariff, CommodityProfile profile, string hsCode)
    {
        var item = new GoodsItem
        {
            HsCode = hsCode,
            NetMass = 1_000m,
            Quantity = profile.QuantityUnit is null ? null : 1_000m / profile.KgPerUnit,
            ItemPrice = new Money { Amount = 1_000m * profile.EurPerKg, Currency = "EUR" },
        };
        var declaration = new Declaration { Type = "IMA", Items = [item] };
        return TariffCalculator.Assess(declaration, tariff, new DateOnly(2026, 1, 1)).Assessment!.TotalDuty;
    }
}
