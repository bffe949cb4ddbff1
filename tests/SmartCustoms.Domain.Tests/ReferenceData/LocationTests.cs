using SmartCustoms.Domain.ReferenceData;

namespace SmartCustoms.Domain.Tests.ReferenceData;

public class LocationTests
{
    private static readonly ReferenceCatalog Catalog = ReferenceCatalog.Default;

    [Fact]
    public void FindsRotterdamAsPortAndPostalExchangeOffice()
    {
        var rotterdam = Catalog.FindLocation("NLRTM");

        Assert.NotNull(rotterdam);
        Assert.Equal(new Location("NLRTM", "NL", "Rotterdam", "12345---"), rotterdam);
        Assert.True(rotterdam.IsPort);
        Assert.True(rotterdam.IsPostalExchangeOffice);
    }

    [Fact]
    public void FindsWallaseaAsPortWithoutPostalExchange()
    {
        var wallasea = Catalog.FindLocation("GBWLA");

        Assert.NotNull(wallasea);
        Assert.Equal("Wallasea", wallasea.Name);
        Assert.True(wallasea.IsPort);
        Assert.False(wallasea.IsPostalExchangeOffice);
    }

    [Fact]
    public void FindsNamibianPortWithCountryNa()
    {
        var walvisBay = Catalog.FindLocation("NAWVB");

        Assert.NotNull(walvisBay);
        Assert.Equal("NA", walvisBay.Country);
        Assert.Equal("Walvis Bay", walvisBay.Name);
        Assert.True(walvisBay.IsPort);
    }

    [Fact]
    public void RecognisesPostalExchangeOfficeThatIsNotAPort()
    {
        var windhoek = Catalog.FindLocation("NAWDH");

        Assert.NotNull(windhoek);
        Assert.False(windhoek.IsPort);
        Assert.True(windhoek.IsPostalExchangeOffice);
    }

    [Fact]
    public void DoesNotTakeAirportForPort()
    {
        var heathrow = Catalog.FindLocation("GBLHR");

        Assert.NotNull(heathrow);
        Assert.False(heathrow.IsPort);
        Assert.False(heathrow.IsPostalExchangeOffice);
    }

    [Fact]
    public void KeepsCommaInLocationName()
    {
        // The source split such names across columns; the derived file must carry them whole.
        Assert.Equal(new Location("ATMLD", "AT", "Mollersdorf, Baden", "--3-----"), Catalog.FindLocation("ATMLD"));
    }

    [Fact]
    public void KeepsFirstEntryOfCodeListedUnderSeveralNames()
    {
        Assert.Equal("Brussel (Bruxelles)", Catalog.FindLocation("BEBRU")?.Name);
    }

    [Fact]
    public void AcceptsCodeWithDigitsInLocationPart()
    {
        Assert.True(Catalog.IsLocation("DE3AG"));
    }

    [Theory]
    [InlineData("nlrtm")]
    [InlineData("NL RTM")]
    [InlineData("NLRT")]
    [InlineData("NLRTMX")]
    [InlineData("XXRTM")]
    [InlineData("GBZZZ")]
    [InlineData("")]
    [InlineData(null)]
    public void RejectsUnknownOrMalformedLocode(string? code)
    {
        Assert.False(Catalog.IsLocation(code));
        Assert.Null(Catalog.FindLocation(code));
    }

    [Fact]
    public void HoldsEveryDistinctUnLocode()
    {
        // 116,029 source rows less 146 repeats of a code under another name.
        Assert.Equal(115_883, Catalog.LocationCount);
    }
}
