using SmartCustoms.Domain.ReferenceData;

namespace SmartCustoms.Domain.Tests.ReferenceData;

public class PostalItemIdTests
{
    [Theory]
    [InlineData("RR123456785GB")]
    [InlineData("EE000000005DE")]
    [InlineData("CP000000080NA")]
    [InlineData("LX473124829US")]
    public void AcceptsPostalItemIdWithCorrectCheckDigitAndIsoCountry(string id) =>
        Assert.True(PostalItemId.IsValid(id));

    [Theory]
    [InlineData("rr123456785gb")]
    [InlineData(" RR123456785GB ")]
    public void ToleratesLowerCaseAndSurroundingWhitespace(string id) => Assert.True(PostalItemId.IsValid(id));

    [Theory]
    [InlineData("RR123456784GB")]
    [InlineData("RR123456780GB")]
    [InlineData("RR213456785GB")]
    public void RejectsPostalItemIdWithWrongCheckDigit(string id) => Assert.False(PostalItemId.IsValid(id));

    [Theory]
    [InlineData("RR123456785UN")]
    [InlineData("RR123456785UK")]
    [InlineData("RR123456785XX")]
    public void RejectsCountryOutsideIso3166(string id) => Assert.False(PostalItemId.IsValid(id));

    [Theory]
    [InlineData("RR12345678GB")]
    [InlineData("RR1234567855GB")]
    [InlineData("R1123456785GB")]
    [InlineData("RR12345A785GB")]
    [InlineData("RR12345678XGB")]
    [InlineData("RR123456785G1")]
    [InlineData("RR 123456785GB")]
    [InlineData("")]
    [InlineData(null)]
    public void RejectsMalformedPostalItemId(string? id) => Assert.False(PostalItemId.IsValid(id));

    [Theory]
    [InlineData("12345678", '5')]
    [InlineData("47312482", '9')]
    [InlineData("98765432", '6')]
    public void ComputesCheckDigit(string serial, char expected) =>
        Assert.Equal(expected, PostalItemId.ComputeCheckDigit(serial));

    [Fact]
    public void MapsRemainderZeroToFive() => Assert.Equal('5', PostalItemId.ComputeCheckDigit("00000000"));

    [Fact]
    public void MapsRemainderOneToZero() => Assert.Equal('0', PostalItemId.ComputeCheckDigit("00000008"));

    [Theory]
    [InlineData("1234567")]
    [InlineData("123456789")]
    [InlineData("1234567A")]
    [InlineData("１２３４５６７８")]
    public void RefusesToComputeCheckDigitForMalformedSerial(string serial) =>
        Assert.Throws<ArgumentException>(() => PostalItemId.ComputeCheckDigit(serial));
}
