using SmartCustoms.Domain.Risk;
using static SmartCustoms.Domain.Tests.Risk.RiskFixtures;

namespace SmartCustoms.Domain.Tests.Risk;

public class ItemScopeTests
{
    private static readonly CompiledCriterion CheapLaptops = Compile(Criterion("""
        { "all": [ { "field": "hsCode", "op": "startsWith", "value": "8471" }, { "field": "valuePerKg", "op": "lt", "value": 50 } ] }
        """));

    [Fact]
    public void DoesNotHitWhenTheItemLeavesAreTrueOfDifferentItems() =>
        Assert.Null(CheapLaptops.Evaluate(Subject(LaptopsAndShirts())));

    [Fact]
    public void HitsWhenOneItemSatisfiesEveryItemLeafAndNamesIt()
    {
        var hit = CheapLaptops.Evaluate(Subject(Import(Item(1, "6109100010", "VN", 1000m, 100m), Item(2, "8471300000", "CN", 400m, 20m))));

        Assert.Equal([2], hit!.ItemSequences);
    }

    [Fact]
    public void RecordsEveryItemThatHits()
    {
        var subject = Subject(Import(
            Item(1, "8471300000", "CN", 400m, 20m), Item(2, "8471300000", "CN", 4000m, 20m), Item(3, "847141", "CN", 10m, 1m)));

        Assert.Equal([1, 3], CheapLaptops.Evaluate(subject)!.ItemSequences);
    }

    [Fact]
    public void NumbersItemsByPositionWhenTheyCarryNoSequence()
    {
        var subject = Subject(Import(Item(1, "6109100010", "VN", 1000m, 100m) with { Sequence = null }, Item(1, "8471300000", "CN", 400m, 20m) with { Sequence = null }));

        Assert.Equal([2], CheapLaptops.Evaluate(subject)!.ItemSequences);
    }

    [Theory]
    [InlineData("GB000040", true)]
    [InlineData("GB000060", false)]
    public void EvaluatesDeclarationLeavesAlongsideItemLeaves(string office, bool hits)
    {
        var criterion = Compile(Criterion("""
            { "all": [ { "field": "hsCode", "op": "startsWith", "value": "93" }, { "field": "office", "op": "eq", "value": "GB000040" } ] }
            """));

        var subject = Subject(Import(Item(1, "930190", "US", 5000m, 30m)) with { DeclarationOffice = office });

        Assert.Equal(hits, criterion.Evaluate(subject) is not null);
    }

    [Fact]
    public void AppliesNotToEachItemInTurn()
    {
        var criterion = Compile(Criterion("""{ "not": { "field": "hsCode", "op": "startsWith", "value": "93" } }"""));

        var hit = criterion.Evaluate(Subject(Import(Item(1, "930190", "US", 5000m, 30m), Item(2, "8471300000", "CN", 400m, 20m))));

        Assert.Equal([2], hit!.ItemSequences);
    }

    [Fact]
    public void StillTestsItemsWhoseHsCodeIsMissing()
    {
        var criterion = Compile(Criterion("""{ "not": { "field": "hsCode", "op": "startsWith", "value": "93" } }"""));
        var set = CriteriaSet.Create([criterion]);
        var hits = new List<CriterionHit>();

        set.Evaluate(Subject(Import(Item(1, "930190", "US", 5000m, 30m), Item(2, "930190", "US", 10m, 1m) with { HsCode = null })), hits);

        Assert.Equal([2], Assert.Single(hits).ItemSequences);
    }

    [Fact]
    public void SkipsCriteriaAboutChaptersTheDeclarationDoesNotCarry()
    {
        var set = CriteriaSet.Create([Compile(Criterion("""{ "field": "hsCode", "op": "in", "values": ["930190", "240220"] }"""))]);
        var hits = new List<CriterionHit>();

        set.Evaluate(Subject(LaptopsAndShirts()), hits);
        set.Evaluate(Subject(Import(Item(7, "240220", "US", 100m, 1m))), hits);

        Assert.Equal([7], Assert.Single(hits).ItemSequences);
    }

    [Fact]
    public void HitsADeclarationLevelCriterionWithoutItems()
    {
        var set = CriteriaSet.Create([Compile(Criterion("""{ "field": "itemCount", "op": "eq", "value": 0 }"""))]);
        var hits = new List<CriterionHit>();

        set.Evaluate(Subject(Import()), hits);

        Assert.Empty(Assert.Single(hits).ItemSequences);
    }
}
