using System.Globalization;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Domain.Synthetic;
using static SmartCustoms.Domain.Tests.Risk.RiskFixtures;

namespace SmartCustoms.Domain.Tests.Risk;

/// <summary>
/// A criteria set skips the criteria its index rules out (chapters, and text values the condition requires); the
/// hits must be exactly those of visiting every criterion in force, in set order.
/// </summary>
public class CriteriaIndexTests
{
    [Theory]
    [InlineData("""{ "any": [ { "field": "hsCode", "op": "eq", "value": "8471" }, { "field": "hsCode", "op": "startsWith", "value": "610910" } ] }""")]
    [InlineData("""{ "any": [ { "field": "hsCode", "op": "in", "values": ["84", "99"] }, { "field": "hsCode", "op": "startsWith", "value": "6109" } ] }""")]
    [InlineData("""{ "field": "hsCode", "op": "startsWith", "values": ["610910", "8"] }""")]
    [InlineData("""{ "any": [ { "field": "origin", "op": "eq", "value": "CN" }, { "field": "importer.id", "op": "eq", "value": "nobody" } ] }""")]
    [InlineData("""{ "all": [ { "field": "routingCountries", "op": "contains", "value": "SG" }, { "field": "routingCountries", "op": "containsAny", "values": ["GB", "US"] } ] }""")]
    [InlineData("""{ "not": { "field": "origin", "op": "in", "values": ["CN"] } }""")]
    [InlineData("""{ "all": [ { "field": "containers", "op": "contains", "value": "CSQU3054383" }, { "field": "exportCountry", "op": "eq", "value": "CN" } ] }""")]
    public void HitsWhateverTheKeysTheConditionGives(string when)
    {
        // Items 8471 (whole code shorter than some prefixes), 84 and 6109...: each condition above is true of one of them.
        var subject = Subject(Import(Item(1, "8471", "CN", 2000m, 20m), Item(2, "84", "VN", 10m, 1m), Item(3, "6109100010", "VN", 1000m, 100m)));

        Assert.Equal(Hits(when, subject), Indexed(when, subject));
        Assert.True(Indexed(when, subject));
    }

    [Theory]
    [InlineData("""{ "field": "hsCode", "op": "startsWith", "values": ["847141", "6110"] }""")]
    [InlineData("""{ "field": "origin", "op": "eq", "value": "TH" }""")]
    [InlineData("""{ "field": "hsCode", "op": "eq", "value": "847130" }""")]
    [InlineData("""{ "field": "importer.id", "op": "in", "values": ["GB987654321001"] }""")]
    [InlineData("""{ "field": "routingCountries", "op": "contains", "value": "US" }""")]
    public void MissesWhenARequiredValueIsAbsent(string when) =>
        Assert.False(Indexed(when, Subject(LaptopsAndShirts())));

    [Fact]
    public void MissingFactsAndMissingItemsMatchNoKey()
    {
        var noFacts = Subject(new Declaration { Items = [new GoodsItem { Sequence = 1 }] });
        var noItems = Subject(Import());

        Assert.False(Indexed("""{ "field": "hsCode", "op": "startsWith", "value": "84" }""", noFacts));
        Assert.False(Indexed("""{ "field": "importer.id", "op": "eq", "value": "" }""", noFacts));
        Assert.True(Indexed("""{ "not": { "field": "origin", "op": "eq", "value": "CN" } }""", noFacts));
        Assert.False(Indexed("""{ "not": { "field": "origin", "op": "eq", "value": "CN" } }""", noItems));
        Assert.True(Indexed("""{ "field": "routingCountries", "op": "contains", "value": "CN" }""", noItems));
    }

    [Fact]
    public void HitsAreThoseOfVisitingEveryCriterionInSetOrder()
    {
        var generated = SyntheticDeclarations.Generate(new SyntheticOptions { Count = 300, Seed = 5 }).ToArray();
        var subjects = generated.Select(g => RiskSubject.Create(g.Declaration, g.Date)).ToArray();
        var criteria = Criteria(subjects, new Random(11)).Select((when, n) =>
            Compile(Criterion(when.Condition, when.Extra, id: "c-" + n.ToString(CultureInfo.InvariantCulture)))).ToArray();
        var set = CriteriaSet.Create(criteria);
        var hits = new List<CriterionHit>();
        var total = 0;

        foreach (var subject in subjects)
        {
            hits.Clear();
            set.Evaluate(subject, hits);
            var visitingAll = criteria.Where(c => c.AppliesTo(subject.Office, subject.Date)).Select(c => c.Evaluate(subject)).OfType<CriterionHit>();

            Assert.Equal(visitingAll.Select(h => (h.Id, string.Join(",", h.ItemSequences))), hits.Select(h => (h.Id, string.Join(",", h.ItemSequences))));
            total += hits.Count;
        }

        // Not vacuous: the criteria are built around facts of the declarations, so many hit and most miss.
        Assert.InRange(total, subjects.Length, subjects.Length * criteria.Length / 4);
    }

    private static bool Indexed(string when, RiskSubject subject)
    {
        var hits = new List<CriterionHit>();
        CriteriaSet.Create([Compile(Criterion(when))]).Evaluate(subject, hits);
        return hits.Count == 1;
    }

    /// <summary>Conditions of every shape the index reads keys from, or must not, around facts of random declarations.</summary>
    private static IEnumerable<(string Condition, string Extra)> Criteria(RiskSubject[] subjects, Random random)
    {
        var withItems = subjects.Where(s => s.Items.Count > 0 && s.Items[0].HsCode is { Length: >= 6 }).ToArray();
        for (var n = 0; n < 160; n++)
        {
            var subject = withItems[random.Next(withItems.Length)];
            var other = withItems[random.Next(withItems.Length)];
            var item = subject.Items[random.Next(subject.Items.Count)];
            var hs = item.HsCode!;
            var otherHs = other.Items[0].HsCode!;
            var condition = (n % 16) switch
            {
                0 => All(Leaf("hsCode", "startsWith", hs[..4], otherHs[..6]), Leaf("origin", "in", item.Origin, other.Items[0].Origin)),
                1 => Any(Leaf("hsCode", "eq", hs), Leaf("hsCode", "startsWith", otherHs[..4])),
                2 => Any(Leaf("hsCode", "startsWith", hs[..6]), Leaf("hsCode", "startsWith", otherHs[..2])),
                3 => Leaf("hsCode", "startsWith", hs[..1]),
                4 => Leaf("hsCode", "in", hs, otherHs[..4]),
                5 => All(Leaf("importer.id", "in", subject.ImporterId, other.ImporterId), Leaf("exportCountry", "eq", subject.ExportCountry)),
                6 => Leaf("routingCountries", "containsAny", Route(subject, 0), Route(other, -1)),
                7 => All(Leaf("routingCountries", "contains", Route(subject, -1)), Leaf("origin", "eq", item.Origin)),
                8 => Any(Leaf("origin", "eq", item.Origin), Leaf("declarant.id", "eq", other.DeclarantId)),
                9 => Any(All(Leaf("origin", "eq", item.Origin), Leaf("hsCode", "startsWith", hs[..4])), Leaf("origin", "in", other.Items[0].Origin)),
                10 => "{ \"not\": " + Leaf("origin", "in", item.Origin) + " }",
                11 => All("{ \"not\": " + Leaf("importer.id", "eq", subject.ImporterId) + " }", Leaf("hsCode", "startsWith", hs[..2])),
                12 => Leaf("origin", "notIn", item.Origin),
                13 => Leaf("transportMode", "ne", subject.TransportMode),
                14 => Leaf("office", "eq", subject.Office),
                _ => All(Leaf("containers", "exists"), Leaf("hsCode", "startsWith", hs[..4])),
            };
            var extra = n % 5 == 0 && CriterionCompiler.IsOfficeCode(subject.Office) ? $""" "offices": ["{subject.Office}"], """ : "";
            yield return (condition, extra);
        }
    }

    /// <summary>A routing country counting from the start (0) or the end (-1), if there is one.</summary>
    private static string? Route(RiskSubject subject, int index) =>
        subject.RoutingCountries.Count == 0 ? null : subject.RoutingCountries[index < 0 ? subject.RoutingCountries.Count + index : index];

    private static string All(params string[] children) => "{ \"all\": [" + string.Join(", ", children) + "] }";

    private static string Any(params string[] children) => "{ \"any\": [" + string.Join(", ", children) + "] }";

    private static string Leaf(string field, string op, params string?[] values)
    {
        var texts = values.Select(v => "\"" + (v ?? "ZZ") + "\"").Distinct().ToArray();
        return op switch
        {
            "exists" => $$"""{ "field": "{{field}}", "op": "exists" }""",
            "eq" or "ne" or "contains" => $$"""{ "field": "{{field}}", "op": "{{op}}", "value": {{texts[0]}} }""",
            _ => $$"""{ "field": "{{field}}", "op": "{{op}}", "values": [{{string.Join(", ", texts)}}] }""",
        };
    }
}
