using SmartCustoms.Domain.ReferenceData;

namespace SmartCustoms.Domain.Tests.ReferenceData;

public class HsCodeTests
{
    private static readonly ReferenceCatalog Catalog = ReferenceCatalog.Default;

    [Theory]
    [InlineData("851090")]
    [InlineData("010121")]
    [InlineData("970400")]
    public void AcceptsExistingSubheading(string code) => Assert.True(Catalog.IsValidTariffCode(code));

    [Theory]
    [InlineData("85109000")]
    [InlineData("8510900010")]
    public void AcceptsNationalCodeExtendingExistingSubheading(string code) => Assert.True(Catalog.IsValidTariffCode(code));

    [Theory]
    [InlineData("85")]
    [InlineData("8510")]
    public void RejectsChapterOrHeadingAsTariffCode(string code) => Assert.False(Catalog.IsValidTariffCode(code));

    [Theory]
    [InlineData("851000")]
    [InlineData("85100000")]
    [InlineData("999999")]
    [InlineData("99999900")]
    [InlineData("770100")]
    [InlineData("770000")]
    public void RejectsCodeWhoseSubheadingDoesNotExist(string code) => Assert.False(Catalog.IsValidTariffCode(code));

    [Theory]
    [InlineData("85109")]
    [InlineData("8510900")]
    [InlineData("851090001")]
    [InlineData("85109000100")]
    [InlineData("85109a")]
    [InlineData("8510.90")]
    [InlineData(" 851090")]
    [InlineData("851090 ")]
    [InlineData("８５１０９０")]
    [InlineData("")]
    [InlineData(null)]
    public void RejectsMalformedTariffCode(string? code) => Assert.False(Catalog.IsValidTariffCode(code));

    [Fact]
    public void FindsSubheadingWithDescription()
    {
        var entry = Catalog.FindHs("851090");

        Assert.NotNull(entry);
        Assert.Equal(6, entry.Level);
        Assert.StartsWith("Shavers and hair clippers; parts", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void FindsHeadingWhoseDescriptionContainsCommas()
    {
        Assert.Equal(new HsEntry("0101", "Horses, asses, mules and hinnies; live", 4), Catalog.FindHs("0101"));
    }

    [Fact]
    public void FindsChapter()
    {
        var chapter = Catalog.FindHs("85");

        Assert.NotNull(chapter);
        Assert.Equal(2, chapter.Level);
        Assert.StartsWith("Electrical machinery and equipment", chapter.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("9999")]
    [InlineData("999999")]
    [InlineData("77")]
    [InlineData("TOTAL")]
    [InlineData("85109000")]
    [InlineData("")]
    public void DoesNotFindCodeOutsideHs2022(string code) => Assert.Null(Catalog.FindHs(code));

    [Fact]
    public void HoldsEveryHs2022SubheadingExceptChapter99()
    {
        // Source: 5,613 subheadings, one of which (999999) is the chapter 99 statistics artefact.
        Assert.Equal(5612, Catalog.HsSubheadingCount);
    }
}
