using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Domain.Tests.Validation;

namespace SmartCustoms.Domain.Tests.Exchange;

public sealed class SharedFieldsTests
{
    [Fact]
    public void KnowsThePathsOfTheCanonicalDeclarationIncludingNestedListsButNotComputedOnes()
    {
        Assert.True(SharedFields.IsKnown("items.hsCode"), "items.hsCode");
        Assert.True(SharedFields.IsKnown("items.itemPrice.amount"), "items.itemPrice.amount");
        Assert.True(SharedFields.IsKnown("transport.containers.seals"), "transport.containers.seals");
        Assert.True(SharedFields.IsKnown("exporter.address.city"), "exporter.address.city");
        Assert.False(SharedFields.IsKnown("category"), "category");
        Assert.False(SharedFields.IsKnown("items.passport"), "items.passport");
    }

    [Fact]
    public void KeepsOnlyTheAgreedFieldsOfEveryItemAndContainer()
    {
        var export = ValidDeclarations.Export() with
        {
            Exporter = new Party { Id = "GB123456789000", Name = "Exporter Ltd", Address = new Address { Line = "1 Private Lane", Country = "GB" } },
        };

        var shared = SharedFields.Select(export, ["items.hsCode", "items.itemPrice", "transport.containers", "exporter.address.country", "no.such.field"]);

        Assert.Equal(["items", "transport", "exporter"], shared.Select(p => p.Key));
        Assert.Equal(export.Items.Count, shared["items"]!.AsArray().Count);
        Assert.All(shared["items"]!.AsArray(), item => Assert.Equal(["hsCode", "itemPrice"], item!.AsObject().Select(p => p.Key)));
        Assert.Equal("""{"address":{"country":"GB"}}""", shared["exporter"]!.ToJsonString());
        Assert.Equal(export.Transport!.Containers.Count, shared["transport"]!["containers"]!.AsArray().Count);
        Assert.DoesNotContain("Private Lane", shared.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SharesNothingWhenNothingIsAgreed() =>
        Assert.Equal("{}", SharedFields.Select(ValidDeclarations.Export(), []).ToJsonString());
}
