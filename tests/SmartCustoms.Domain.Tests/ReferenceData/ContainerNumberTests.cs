using SmartCustoms.Domain.ReferenceData;

namespace SmartCustoms.Domain.Tests.ReferenceData;

public class ContainerNumberTests
{
    [Theory]
    [InlineData("CSQU3054383")]
    [InlineData("ZEPU0037255")]
    [InlineData("TGHU1234567")]
    [InlineData("HLXU1234561")]
    public void AcceptsContainerNumberWithCorrectCheckDigit(string id) =>
        Assert.Equal(ContainerNumberCheck.Valid, ContainerNumber.Check(id));

    [Theory]
    [InlineData("MSCU6639871")]
    [InlineData("CONU1234567")]
    [InlineData("CSQU3054384")]
    public void RejectsContainerNumberWithWrongCheckDigit(string id) =>
        Assert.Equal(ContainerNumberCheck.WrongCheckDigit, ContainerNumber.Check(id));

    [Theory]
    [InlineData("csqu3054383")]
    [InlineData("  CSQU3054383 ")]
    public void ToleratesLowerCaseAndSurroundingWhitespace(string id) =>
        Assert.Equal(ContainerNumberCheck.Valid, ContainerNumber.Check(id));

    [Theory]
    [InlineData("ABCJ1234560")]
    [InlineData("ABCZ1234560")]
    [InlineData("ABCA1234560")]
    [InlineData("ABCK1234560")]
    public void AcceptsEquipmentTrailerAndSwapBodyCategories(string id) =>
        Assert.NotEqual(ContainerNumberCheck.NotIso6346, ContainerNumber.Check(id));

    [Theory]
    [InlineData("CSQX3054383")]
    [InlineData("ABCC1234560")]
    [InlineData("CSQU 305438 3")]
    [InlineData("CSQU305438-3")]
    [InlineData("CSQU305438")]
    [InlineData("CSQU30543833")]
    [InlineData("CS1U3054383")]
    [InlineData("CSQU30543A3")]
    [InlineData("CSQU305438X")]
    [InlineData("ÇSQU3054383")]
    [InlineData("cſqu3054383")]
    [InlineData("")]
    [InlineData(null)]
    public void RejectsTextThatIsNotIso6346(string? id) =>
        Assert.Equal(ContainerNumberCheck.NotIso6346, ContainerNumber.Check(id));

    [Theory]
    [InlineData("MSCU663987", '0')]
    [InlineData("CONU123456", '2')]
    [InlineData("ABCA123456", '0')]
    [InlineData("OOLU000000", '8')]
    [InlineData("MSKU000008", '0')]
    public void ComputesCheckDigit(string first10, char expected) =>
        Assert.Equal(expected, ContainerNumber.ComputeCheckDigit(first10));

    [Fact]
    public void SkipsMultiplesOfElevenInLetterValues()
    {
        // With A=10..Z=35 unskipped, these would give 7, 9 and 5.
        Assert.Equal('3', ContainerNumber.ComputeCheckDigit("CSQU305438"));
        Assert.Equal('5', ContainerNumber.ComputeCheckDigit("ZEPU003725"));
        Assert.Equal('7', ContainerNumber.ComputeCheckDigit("TGHU123456"));
    }

    [Theory]
    [InlineData("CSQU30543")]
    [InlineData("CSQU3054383")]
    [InlineData("CSQ13054383")]
    [InlineData("CSQUA05438")]
    public void RefusesToComputeCheckDigitForMalformedInput(string first10) =>
        Assert.Throws<ArgumentException>(() => ContainerNumber.ComputeCheckDigit(first10));
}
