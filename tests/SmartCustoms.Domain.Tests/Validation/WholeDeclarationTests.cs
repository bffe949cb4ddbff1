using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Domain.Tests.Validation;

public class WholeDeclarationTests
{
    [Fact]
    public void FindsNothingWrongWithAFullyValidImport() =>
        ValidDeclarations.Import().Validate().AssertClean();

    [Fact]
    public void FindsNothingWrongWithAFullyValidExport() =>
        ValidDeclarations.Export().Validate().AssertClean();

    [Fact]
    public void ReportsEveryFaultAtOnceEachAtItsField()
    {
        var import = ValidDeclarations.Import();
        var broken = import with
        {
            Lrn = null,
            DeclarationOffice = "X",
            GoodsItemQuantity = 5,
            Items = [import.Items[0] with { HsCode = "000000" }, import.Items[1] with { NetMass = 100m, GrossMass = 90m }],
        };

        var result = broken.Validate();

        Assert.Equal(
            [
                ("hs.unknown", "/items/0/hsCode"),
                ("items.count-mismatch", "/goodsItemQuantity"),
                ("mass.gross-below-net", "/items/1/grossMass"),
                ("office.invalid", "/declarationOffice"),
                ("required", "/lrn"),
            ],
            result.Errors.Codes().Order());
        Assert.False(result.IsValid);
    }

    [Fact]
    public void KeepsWarningsApartFromErrors()
    {
        var broken = (ValidDeclarations.Import() with { Lrn = null })
            .WithTransport(t => t with { Containers = [new Container { Id = "CSQU3054384" }] });

        var result = broken.Validate();

        Assert.Equal([("required", "/lrn")], result.Errors.Codes());
        Assert.Equal([("container.check-digit", "/transport/containers/0/id")], result.Warnings.Codes());
        Assert.All(result.Warnings, w => Assert.Equal(IssueSeverity.Warning, w.Severity));
        Assert.All(result.Errors, e => Assert.Equal(IssueSeverity.Error, e.Severity));
    }

    [Fact]
    public void RejectsNullAuthorisationHolderWithAnIssueRatherThanAnException() =>
        (ValidDeclarations.Import() with { AuthorisationHolders = [new AuthorisationHolder { Id = "GB123456789000", Category = "CGU" }, null!] })
            .Validate().AssertOnlyError("required", "/authorisationHolders/1");

    [Fact]
    public void RejectsNullPackageWithAnIssueRatherThanAnException() =>
        ValidDeclarations.Import().WithFirstItem(i => i with { Packages = [null!] })
            .Validate().AssertOnlyError("required", "/items/0/packages/0");
}
