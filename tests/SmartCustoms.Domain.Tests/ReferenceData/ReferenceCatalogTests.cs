using SmartCustoms.Domain.ReferenceData;

namespace SmartCustoms.Domain.Tests.ReferenceData;

public class ReferenceCatalogTests
{
    [Fact]
    public async Task LoadsOneSharedCatalogUnderConcurrentFirstUse()
    {
        var catalogs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => ReferenceCatalog.Default)));

        Assert.All(catalogs, catalog => Assert.Same(ReferenceCatalog.Default, catalog));
    }

    [Theory]
    [InlineData("ADALV", "Andorra la Vella")]
    [InlineData("ZWZVS", "Zvishavane")]
    public void FindsFirstAndLastLocationsOfTheSortedList(string code, string name)
    {
        Assert.Equal(name, ReferenceCatalog.Default.FindLocation(code)?.Name);
    }

    [Theory]
    [InlineData("AAAAA")]
    [InlineData("ZZZZZ")]
    [InlineData("00000")]
    public void FindsNothingBeyondEitherEndOfTheSortedList(string code)
    {
        Assert.False(ReferenceCatalog.Default.IsLocation(code));
    }
}
