using SmartCustoms.Server.Portal;

namespace SmartCustoms.Server.Tests.Portal;

/// <summary>Numbers typed into the portal are read as their writer meant them, or refused; never misread.</summary>
public sealed class TypedNumberTests
{
    [Theory]
    [InlineData("12,50", "en", "12.50")]
    [InlineData("12,50", "fr", "12.50")]
    [InlineData("12,50", null, "12.50")]
    [InlineData("12.50", "es", "12.50")]
    [InlineData("1250", null, "1250")]
    [InlineData("1,250", "en-GB", "1250")]
    [InlineData("1,250", "fr-FR", "1.250")]
    [InlineData("1.250", "es", "1250")]
    [InlineData("1.250", "en", "1.250")]
    [InlineData("1.250", "es-MX", "1.250")]
    [InlineData("1 250,50", "fr", "1250.50")]
    [InlineData("1\u202f250,50", "fr", "1250.50")]
    [InlineData("1.250,50", "en", "1250.50")]
    [InlineData("1,250.50", "de", "1250.50")]
    [InlineData("1,250,000", null, "1250000")]
    [InlineData("1'250.50", "de-CH", "1250.50")]
    [InlineData("0,500", null, "0.500")]
    [InlineData("1250,500", null, "1250.500")]
    [InlineData("١٢٥٠٫٥", "ar", "1250.5")]
    public void ReadsAnAmountAsItsWriterMeantIt(string typed, string? language, string expected)
    {
        var read = TypedNumber.ReadAmount(typed, NumberConvention.For(language), "Revenue at stake", "/revenueAtStake");

        Assert.True(read.Succeeded, read.Refusal?.Issues[0].Message);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), read.Value);
        var point = expected.IndexOf('.', StringComparison.Ordinal);
        Assert.Equal(point < 0 ? 0 : expected.Length - point - 1, read.Value.Scale);
    }

    [Theory]
    [InlineData("1,250", null)]
    [InlineData("1.250", null)]
    [InlineData("1.250", "fr")]
    [InlineData("1,250", "xx")]
    public void RefusesAnAmountWhoseReadingDependsOnALanguageItDoesNotKnow(string typed, string? language)
    {
        var read = TypedNumber.ReadAmount(typed, NumberConvention.For(language), "Revenue at stake", "/revenueAtStake");

        Assert.False(read.Succeeded);
        var issue = Assert.Single(read.Refusal!.Issues);
        Assert.Equal("number.ambiguous", issue.Code);
        Assert.Equal("/revenueAtStake", issue.Pointer);
        Assert.Contains("Type 1250 if you mean thousands, or " + typed[..2] + "25 if you mean decimals.", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("five")]
    [InlineData("12,5,0")]
    [InlineData("1,25,000")]
    [InlineData("12.50.")]
    [InlineData("1.250,50,1")]
    [InlineData("1 2")]
    [InlineData("12e3")]
    [InlineData("0x10")]
    [InlineData("--5")]
    [InlineData("1,2345678")]
    [InlineData("99999999999999999999999999999999")]
    [InlineData("")]
    public void RefusesWhatIsNotANumberNamingTheField(string typed)
    {
        var read = TypedNumber.ReadAmount(typed, NumberConvention.For("en"), "Revenue at stake", "/revenueAtStake");

        Assert.False(read.Succeeded);
        var issue = Assert.Single(read.Refusal!.Issues);
        Assert.Equal("/revenueAtStake", issue.Pointer);
        Assert.StartsWith("Revenue at stake: ", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("30", 30)]
    [InlineData("1,000", 1000)]
    [InlineData("1 000", 1000)]
    public void ReadsAWholeNumber(string typed, int expected) =>
        Assert.Equal(expected, TypedNumber.ReadWholeNumber(typed, NumberConvention.For("en"), "Valid for (days)", "/targeting/validDays").Value);

    [Theory]
    [InlineData("thirty")]
    [InlineData("2,5")]
    [InlineData("99999999999")]
    public void RefusesAWholeNumberThatIsNot(string typed) =>
        Assert.Equal("/targeting/validDays", Assert.Single(TypedNumber.ReadWholeNumber(typed, NumberConvention.For("en"), "Valid for (days)", "/targeting/validDays").Refusal!.Issues).Pointer);

    [Theory]
    [InlineData("1250", false)]
    [InlineData("1250.50", false)]
    [InlineData("12.50", false)]
    [InlineData("1.250", true)]
    [InlineData("12,50", true)]
    [InlineData("1 250", true)]
    public void ShowsBackEveryReadingAReaderCouldTakeAnotherWay(string typed, bool showBack) =>
        Assert.Equal(showBack, TypedNumber.NeedsShowBack(typed));

    [Fact]
    public void WritesAnAmountBackInTheUsersLanguageAndWithoutMarks()
    {
        Assert.Equal("1,250.50", NumberConvention.For("en")!.Format(1250.5m));
        Assert.Equal("1\u00a0250,50", NumberConvention.For("ru")!.Format(1250.5m));
        Assert.Equal("1.250,00", NumberConvention.For("es")!.Format(1250m));
        Assert.Equal("1250 and 50/100", TypedNumber.Spelled(1250.50m));
        Assert.Equal("12 and 5/10", TypedNumber.Spelled(12.5m));
        Assert.Equal("1250, no decimals", TypedNumber.Spelled(1250m));
    }
}
