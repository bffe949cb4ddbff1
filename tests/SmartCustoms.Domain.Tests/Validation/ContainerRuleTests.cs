using SmartCustoms.Domain.Declarations;

namespace SmartCustoms.Domain.Tests.Validation;

public class ContainerRuleTests
{
    [Theory]
    [InlineData("CSQU3054384")]
    [InlineData("csqu3054384")]
    [InlineData(" CSQU3054384 ")]
    [InlineData("CONU1234567")]
    public void WarnsButAcceptsContainerNumberWithWrongCheckDigit(string id)
    {
        var result = WithContainers(id).Validate();

        Assert.Empty(result.Errors);
        Assert.Equal([("container.check-digit", "/transport/containers/0/id")], result.Warnings.Codes());
    }

    [Fact]
    public void NamesTheExpectedCheckDigitInTheWarning() =>
        Assert.Contains("expected 3", Assert.Single(WithContainers("CSQU3054384").Validate().Warnings).Message, StringComparison.Ordinal);

    [Fact]
    public void RejectsContainerNumberWithWrongCheckDigitWhenStrict() =>
        WithContainers("MSCU6639871").Validate(ValidDeclarations.Context with { StrictContainerNumbers = true })
            .AssertOnlyError("container.check-digit", "/transport/containers/0/id");

    [Theory]
    [InlineData("AD12345")]
    [InlineData("TRAILER-GB-1234")]
    [InlineData("ZEPU0037255")]
    public void AcceptsValidAndNonIsoEquipmentIdsEvenWhenStrict(string id) =>
        WithContainers(id).Validate(ValidDeclarations.Context with { StrictContainerNumbers = true }).AssertClean();

    [Theory]
    [InlineData("CSQU3054383", "CSQU3054383")]
    [InlineData("CSQU3054383", "csqu3054383")]
    [InlineData("AD12345", "AD12345 ")]
    public void RejectsTheSameContainerDeclaredTwice(string first, string second) =>
        WithContainers(first, second).Validate().AssertOnlyError("container.duplicate", "/transport/containers/1/id");

    [Fact]
    public void RejectsContainerWithoutNumber() =>
        WithContainers("CSQU3054383", null).Validate().AssertOnlyError("required", "/transport/containers/1/id");

    [Fact]
    public void RejectsContainerNumberLongerThan17Characters() =>
        WithContainers("CONTAINER-123456789").Validate().AssertOnlyError("too-long", "/transport/containers/0/id");

    [Theory]
    [InlineData("", "required", "/transport/containers/0/seals/1")]
    [InlineData(" ", "required", "/transport/containers/0/seals/1")]
    [InlineData("SEAL\n2", "control-character", "/transport/containers/0/seals/1")]
    [InlineData("SEAL-0123456789-0123456789-0123456789", "too-long", "/transport/containers/0/seals/1")]
    public void RejectsBlankOrMalformedSeal(string seal, string code, string pointer) =>
        ValidDeclarations.Import().WithTransport(t => t with { Containers = [new Container { Id = "CSQU3054383", Seals = ["SEAL0001", seal] }] })
            .Validate().AssertOnlyError(code, pointer);

    [Fact]
    public void RejectsTransportDocumentWithoutNumber() =>
        ValidDeclarations.Import().WithTransport(t => t with { TransportDocument = new DocumentReference { Type = "N705" } })
            .Validate().AssertOnlyError("required", "/transport/transportDocument/id");

    [Fact]
    public void RejectsNullContainerWithAnIssueRatherThanAnException() =>
        ValidDeclarations.Import().WithTransport(t => t with { Containers = [null!] })
            .Validate().AssertOnlyError("required", "/transport/containers/0");

    private static Declaration WithContainers(params string?[] ids) =>
        ValidDeclarations.Import().WithTransport(t => t with { Containers = [.. ids.Select((id, i) => new Container { Sequence = i + 1, Id = id })] });
}
