using SmartCustoms.Domain.Risk;
using static SmartCustoms.Domain.Tests.Risk.RiskFixtures;

namespace SmartCustoms.Domain.Tests.Risk;

/// <summary>Each operator on a declaration of laptops at 100/kg from CN and T-shirts at 10/kg from VN, routed CN-SG-GB.</summary>
public class OperatorTests
{
    private static readonly RiskSubject Subject = RiskFixtures.Subject(LaptopsAndShirts(), new TraderFacts(true, null, 4, 1));

    [Theory]
    [InlineData("""{ "field": "origin", "op": "eq", "value": "VN" }""", true)]
    [InlineData("""{ "field": "origin", "op": "eq", "value": "vn" }""", false)]
    [InlineData("""{ "field": "exportCountry", "op": "ne", "value": "CN" }""", false)]
    [InlineData("""{ "field": "exportCountry", "op": "ne", "value": "VN" }""", true)]
    [InlineData("""{ "field": "origin", "op": "in", "values": ["TH", "VN"] }""", true)]
    [InlineData("""{ "field": "origin", "op": "in", "values": ["AA", "AB", "AC", "AD", "AE", "AF", "AG", "AH", "CN"] }""", true)]
    [InlineData("""{ "field": "origin", "op": "in", "values": ["TH", "MY"] }""", false)]
    [InlineData("""{ "field": "exportCountry", "op": "notIn", "values": ["TH", "MY"] }""", true)]
    [InlineData("""{ "field": "exportCountry", "op": "notIn", "values": ["CN", "HK"] }""", false)]
    [InlineData("""{ "field": "hsCode", "op": "startsWith", "value": "8471" }""", true)]
    [InlineData("""{ "field": "hsCode", "op": "startsWith", "value": "8517" }""", false)]
    [InlineData("""{ "field": "hsCode", "op": "startsWith", "values": ["8517", "6109"] }""", true)]
    [InlineData("""{ "field": "hsCode", "op": "startsWith", "value": "6" }""", true)]
    [InlineData("""{ "field": "importer.id", "op": "exists" }""", true)]
    [InlineData("""{ "field": "carrier.id", "op": "exists" }""", false)]
    [InlineData("""{ "field": "carrier.id", "op": "exists", "value": false }""", true)]
    public void ComparesTexts(string when, bool expected) => Assert.Equal(expected, Hits(when, Subject));

    [Theory]
    [InlineData("""{ "field": "valuePerKg", "op": "eq", "value": 100 }""", true)]
    [InlineData("""{ "field": "valuePerKg", "op": "eq", "value": 100.000 }""", true)]
    [InlineData("""{ "field": "itemCount", "op": "ne", "value": 2 }""", false)]
    [InlineData("""{ "field": "itemCount", "op": "ne", "value": 3 }""", true)]
    [InlineData("""{ "field": "valuePerKg", "op": "gt", "value": 100 }""", false)]
    [InlineData("""{ "field": "valuePerKg", "op": "gte", "value": 100 }""", true)]
    [InlineData("""{ "field": "valuePerKg", "op": "lt", "value": 10 }""", false)]
    [InlineData("""{ "field": "valuePerKg", "op": "lte", "value": 10 }""", true)]
    [InlineData("""{ "field": "totalCustomsValue", "op": "between", "values": [3000, 3000] }""", true)]
    [InlineData("""{ "field": "totalCustomsValue", "op": "between", "values": [0, 2999.99] }""", false)]
    [InlineData("""{ "field": "pastFindingRate", "op": "eq", "value": 0.25 }""", true)]
    [InlineData("""{ "field": "netMass", "op": "exists" }""", true)]
    [InlineData("""{ "field": "quantity", "op": "exists" }""", false)]
    public void ComparesNumbers(string when, bool expected) => Assert.Equal(expected, Hits(when, Subject));

    [Theory]
    [InlineData("""{ "field": "unitPriceRatio", "op": "lt", "value": 1000 }""")]
    [InlineData("""{ "field": "unitPriceRatio", "op": "ne", "value": 1 }""")]
    [InlineData("""{ "field": "quantity", "op": "gte", "value": 0 }""")]
    public void NeverHitsOnAMissingNumber(string when) => Assert.False(Hits(when, Subject));

    [Theory]
    [InlineData("""{ "field": "newTrader", "op": "eq", "value": true }""", true)]
    [InlineData("""{ "field": "containerCheckDigitFailed", "op": "eq", "value": true }""", false)]
    [InlineData("""{ "field": "containerCheckDigitFailed", "op": "eq", "value": false }""", true)]
    [InlineData("""{ "field": "aeo", "op": "eq", "value": false }""", false)]
    [InlineData("""{ "field": "aeo", "op": "exists" }""", false)]
    [InlineData("""{ "not": { "field": "aeo", "op": "eq", "value": true } }""", true)]
    public void ComparesBooleansAndTreatsUnknownAeoAsNeither(string when, bool expected) => Assert.Equal(expected, Hits(when, Subject));

    [Theory]
    [InlineData("""{ "field": "routingCountries", "op": "contains", "value": "SG" }""", true)]
    [InlineData("""{ "field": "routingCountries", "op": "contains", "value": "AE" }""", false)]
    [InlineData("""{ "field": "routingCountries", "op": "containsAny", "values": ["AE", "GB"] }""", true)]
    [InlineData("""{ "field": "routingCountries", "op": "containsAny", "values": ["AE", "MY"] }""", false)]
    [InlineData("""{ "field": "containers", "op": "contains", "value": "CSQU3054383" }""", true)]
    [InlineData("""{ "field": "containers", "op": "exists" }""", true)]
    [InlineData("""{ "field": "containers", "op": "exists", "value": false }""", false)]
    public void ComparesTextLists(string when, bool expected) => Assert.Equal(expected, Hits(when, Subject));

    [Theory]
    [InlineData("""{ "any": [{ "field": "origin", "op": "eq", "value": "TH" }, { "field": "itemCount", "op": "eq", "value": 2 }] }""", true)]
    [InlineData("""{ "any": [{ "field": "origin", "op": "eq", "value": "TH" }, { "field": "itemCount", "op": "eq", "value": 3 }] }""", false)]
    [InlineData("""{ "all": [{ "field": "type", "op": "eq", "value": "IMA" }, { "field": "category", "op": "eq", "value": "IM" }] }""", true)]
    [InlineData("""{ "all": [{ "field": "type", "op": "eq", "value": "IMA" }, { "field": "category", "op": "eq", "value": "EX" }] }""", false)]
    [InlineData("""{ "not": { "field": "office", "op": "eq", "value": "GB000040" } }""", false)]
    public void CombinesWithAllAnyAndNot(string when, bool expected) => Assert.Equal(expected, Hits(when, Subject));
}
