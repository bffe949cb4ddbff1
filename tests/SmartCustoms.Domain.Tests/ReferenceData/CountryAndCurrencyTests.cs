using SmartCustoms.Domain.ReferenceData;

namespace SmartCustoms.Domain.Tests.ReferenceData;

public class CountryAndCurrencyTests
{
    private static readonly ReferenceCatalog Catalog = ReferenceCatalog.Default;

    [Fact]
    public void ReadsNaAsNamibiaNotAsMissing()
    {
        Assert.Equal(new Country("NA", "NAM", "516", "Namibia", "NAD"), Catalog.FindCountry("NA"));
        Assert.True(Catalog.IsCountry("NA"));
    }

    [Fact]
    public void FindsUnitedKingdomWithPoundSterling()
    {
        var country = Catalog.FindCountry("GB");

        Assert.NotNull(country);
        Assert.Equal("GBR", country.Alpha3);
        Assert.Equal("826", country.Numeric);
        Assert.Equal("GBP", country.Currency);
    }

    [Fact]
    public void KeepsLeadingZerosOfNumericCountryCode()
    {
        Assert.Equal("004", Catalog.FindCountry("AF")?.Numeric);
    }

    [Fact]
    public void LeavesCurrencyNullForCountryWithoutOne()
    {
        var antarctica = Catalog.FindCountry("AQ");

        Assert.NotNull(antarctica);
        Assert.Null(antarctica.Currency);
    }

    [Fact]
    public void FillsTurkishLiraMissingFromCountrySource()
    {
        Assert.Equal("TRY", Catalog.FindCountry("TR")?.Currency);
    }

    [Theory]
    [InlineData("XI")]
    [InlineData("EU")]
    [InlineData("UN")]
    [InlineData("UK")]
    [InlineData("gb")]
    [InlineData("GBR")]
    [InlineData("")]
    [InlineData(null)]
    public void RejectsCodeThatIsNotIsoAlpha2Country(string? code)
    {
        Assert.False(Catalog.IsCountry(code));
        Assert.Null(Catalog.FindCountry(code));
    }

    [Fact]
    public void HoldsEveryIso3166Country() => Assert.Equal(249, Catalog.CountryCount);

    [Theory]
    [InlineData("EUR")]
    [InlineData("GBP")]
    [InlineData("USD")]
    [InlineData("NAD")]
    [InlineData("XDR")]
    public void AcceptsCurrentCurrency(string code) => Assert.True(Catalog.IsCurrency(code));

    [Theory]
    [InlineData("DEM")]
    [InlineData("FRF")]
    [InlineData("TRL")]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("")]
    [InlineData(null)]
    public void RejectsWithdrawnOrUnknownCurrency(string? code)
    {
        Assert.False(Catalog.IsCurrency(code));
        Assert.Null(Catalog.FindCurrency(code));
    }

    [Theory]
    [InlineData("EUR", "978", 2)]
    [InlineData("JPY", "392", 0)]
    [InlineData("BHD", "048", 3)]
    public void ReadsCurrencyNumericCodeAndMinorUnit(string code, string numeric, int minorUnit)
    {
        var currency = Catalog.FindCurrency(code);

        Assert.NotNull(currency);
        Assert.Equal(numeric, currency.Numeric);
        Assert.Equal(minorUnit, currency.MinorUnit);
        Assert.True(currency.HasMinorUnit);
    }

    [Fact]
    public void MarksUnitOfAccountAsHavingNoMinorUnit()
    {
        var sdr = Catalog.FindCurrency("XDR");

        Assert.NotNull(sdr);
        Assert.Equal(-1, sdr.MinorUnit);
        Assert.False(sdr.HasMinorUnit);
    }

    [Fact]
    public void EveryCountryCurrencyIsACurrentCurrency()
    {
        var countries = new[] { "GB", "US", "DE", "NA", "CH", "JP", "BT", "PA" };

        Assert.All(countries, code => Assert.True(Catalog.IsCurrency(Catalog.FindCountry(code)!.Currency)));
    }

    [Fact]
    public void HoldsOnlyCurrentCurrencies() => Assert.Equal(178, Catalog.CurrencyCount);
}
