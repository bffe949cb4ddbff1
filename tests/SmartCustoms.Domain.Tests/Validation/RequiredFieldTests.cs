using SmartCustoms.Domain.Declarations;

namespace SmartCustoms.Domain.Tests.Validation;

public class RequiredFieldTests
{
    [Theory]
    [InlineData("type", "/type")]
    [InlineData("blank lrn", "/lrn")]
    [InlineData("declarant", "/declarant/id")]
    [InlineData("declarant id", "/declarant/id")]
    [InlineData("importer", "/importer")]
    [InlineData("export country", "/exportCountry")]
    [InlineData("hs code", "/items/0/hsCode")]
    [InlineData("description", "/items/0/description")]
    [InlineData("origin", "/items/0/origin")]
    public void RejectsImportWithoutRequiredField(string field, string pointer)
    {
        var import = ValidDeclarations.Import();
        var broken = field switch
        {
            "type" => import with { Type = null },
            "blank lrn" => import with { Lrn = "  " },
            "declarant" => import with { Declarant = null },
            "declarant id" => import with { Declarant = new Party { Name = "Broker Ltd" } },
            "importer" => import with { Importer = null },
            "export country" => import with { ExportCountry = null },
            "hs code" => import.WithFirstItem(i => i with { HsCode = null }),
            "description" => import.WithFirstItem(i => i with { Description = "" }),
            "origin" => import.WithFirstItem(i => i with { Origin = null }),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        broken.Validate().AssertOnlyError("required", pointer);
    }

    [Theory]
    [InlineData("exporter", "/exporter")]
    [InlineData("destination country", "/destinationCountry")]
    public void RejectsExportWithoutRequiredField(string field, string pointer)
    {
        var export = ValidDeclarations.Export();
        var broken = field == "exporter" ? export with { Exporter = null } : export with { DestinationCountry = null };

        broken.Validate().AssertOnlyError("required", pointer);
    }

    [Fact]
    public void RejectsImporterWithNeitherIdNorNameAndAddress() =>
        (ValidDeclarations.Import() with { Importer = new Party { Name = "Harbour Imports Ltd" } })
            .Validate().AssertOnlyError("party.unidentified", "/importer/id");

    [Fact]
    public void AcceptsImporterIdentifiedByNameAndAddress() =>
        (ValidDeclarations.Import() with { Importer = new Party { Name = "Harbour Imports Ltd", Address = new Address { Country = "GB" } } })
            .Validate().AssertClean();

    [Fact]
    public void RequiresNeitherImporterNorOriginNorPriceOnAnExport() =>
        (ValidDeclarations.Export() with { InvoiceAmount = null })
            .WithFirstItem(i => i with { Origin = null, ItemPrice = null })
            .Validate().AssertClean();

    [Fact]
    public void RejectsDeclarationWithoutItems() =>
        (ValidDeclarations.Import() with { Items = [], GoodsItemQuantity = null, InvoiceAmount = null })
            .Validate().AssertOnlyError("items.required", "/items");

    [Fact]
    public void RejectsImportItemWithNeitherPriceNorCustomsValue() =>
        ValidDeclarations.Import().WithFirstItem(i => i with { ItemPrice = null })
            .Validate().AssertOnlyError("item.value-required", "/items/0/itemPrice");

    [Fact]
    public void AcceptsImportItemWithCustomsValueInsteadOfPrice() =>
        ValidDeclarations.Import().WithFirstItem(i => i with { ItemPrice = null, CustomsValue = ValidDeclarations.Usd(2100m) })
            .Validate().AssertClean();

    [Fact]
    public void RejectsNullItemWithAnIssueRatherThanAnException() =>
        (ValidDeclarations.Import() with { Items = [ValidDeclarations.Import().Items[0], null!], GoodsItemQuantity = null, InvoiceAmount = null })
            .Validate().AssertOnlyError("required", "/items/1");
}
