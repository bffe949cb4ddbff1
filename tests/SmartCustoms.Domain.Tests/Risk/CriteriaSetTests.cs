using SmartCustoms.Domain.Risk;
using static SmartCustoms.Domain.Tests.Risk.RiskFixtures;

namespace SmartCustoms.Domain.Tests.Risk;

public class CriteriaSetTests
{
    private const string Laptops = """{ "field": "hsCode", "op": "startsWith", "value": "8471" }""";

    [Theory]
    [InlineData("GB000040", "2026-01-01", true)]
    [InlineData("GB000040", "2026-01-31", true)]
    [InlineData("GB000040", "2025-12-31", false)]
    [InlineData("GB000040", "2026-02-01", false)]
    [InlineData("GB000060", "2026-01-15", false)]
    [InlineData("GB000050", "2026-01-15", true)]
    public void AppliesOnlyAtItsOfficesWithinItsValidityDatesInclusive(string office, string date, bool applies)
    {
        var criterion = Compile(Criterion(Laptops, """ "offices": ["GB000040", "GB000050"], "validFrom": "2026-01-01", "validTo": "2026-01-31", """));
        var subject = RiskSubject.Create(LaptopsAndShirts() with { DeclarationOffice = office }, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        var hits = new List<CriterionHit>();

        CriteriaSet.Create([criterion]).Evaluate(subject, hits);

        Assert.Equal(applies, criterion.AppliesTo(office, subject.Date));
        Assert.Equal(applies ? 1 : 0, hits.Count);
    }

    [Fact]
    public void AppliesEverywhereAndAlwaysWithoutOfficesOrDates() =>
        Assert.True(Compile(Criterion(Laptops)).AppliesTo("XX1", DateOnly.MaxValue));

    [Fact]
    public void AppendsHitsWithVersionWeightAndMinimumLane()
    {
        var set = CriteriaSet.Create([
            Compile(Criterion(Laptops, """ "minimumLane": "yellow", """, id: "laptops", weight: 35.5m), version: 4),
            Compile(Criterion("""{ "field": "origin", "op": "eq", "value": "TH" }""", id: "thai")),
        ]);
        var hits = new List<CriterionHit> { Hit("already-there", 1m) };

        set.Evaluate(Subject(LaptopsAndShirts()), hits);

        Assert.Equal(2, hits.Count);
        Assert.Equal(("laptops", 4, 35.5m, Lane.Yellow), (hits[1].Id, hits[1].Version, hits[1].Weight, hits[1].MinimumLane));
    }

    [Fact]
    public void RefusesTwoVersionsOfOneCriterion() =>
        Assert.Throws<ArgumentException>(() => CriteriaSet.Create([Compile(Criterion(Laptops), 1), Compile(Criterion(Laptops), 2)]));
}
