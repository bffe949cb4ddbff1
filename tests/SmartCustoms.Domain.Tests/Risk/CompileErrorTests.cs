using SmartCustoms.Domain.Risk;
using static SmartCustoms.Domain.Tests.Risk.RiskFixtures;

namespace SmartCustoms.Domain.Tests.Risk;

public class CompileErrorTests
{
    private const string OriginCn = """{ "field": "origin", "op": "eq", "value": "CN" }""";

    [Fact]
    public void RequiresIdNameWeightAndConditionAndPointsAtEach() =>
        Assert.Equal([("required", "/id"), ("required", "/name"), ("required", "/weight"), ("required", "/when")], ErrorsOf("{}"));

    [Theory]
    [InlineData("-1")]
    [InlineData("1000.5")]
    public void RefusesAWeightOutsideZeroToAThousand(string weight) =>
        Assert.Equal([("weight.out-of-range", "/weight")], ErrorsOf(Criterion(OriginCn).Replace("\"weight\": 10", "\"weight\": " + weight, StringComparison.Ordinal)));

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void AcceptsTheWeightBounds(int weight) => Assert.True(Compiled(Criterion(OriginCn, weight: weight)).IsValid);

    [Fact]
    public void RefusesAnUnknownFieldAndListsTheKnownOnes()
    {
        var error = Assert.Single(Compiled(Criterion($$"""{ "all": [{{OriginCn}}, { "field": "hsHeading", "op": "eq", "value": "8471" }] }""")).Errors);

        Assert.Equal(("field.unknown", "/when/all/1/field"), (error.Code, error.Pointer));
        Assert.Contains("hsCode", error.Message, StringComparison.Ordinal);
        Assert.Contains("pastFindingRate", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hsCode", "gt", "\"84\"")]
    [InlineData("valuePerKg", "startsWith", "\"1\"")]
    [InlineData("newTrader", "in", "true")]
    [InlineData("routingCountries", "eq", "\"CN\"")]
    [InlineData("origin", "like", "\"CN\"")]
    public void RefusesAnOperatorThatDoesNotApplyToTheFieldType(string field, string op, string value) =>
        Assert.Equal([("op.unsupported", "/when/all/1/op")],
            ErrorsOf(Criterion($$"""{ "all": [{{OriginCn}}, { "field": "{{field}}", "op": "{{op}}", "value": {{value}} }] }""")));

    [Theory]
    [InlineData("""{ "field": "hsCode", "op": "eq", "value": 8471 }""", "/when/value")]
    [InlineData("""{ "field": "valuePerKg", "op": "lt", "value": "10" }""", "/when/value")]
    [InlineData("""{ "field": "newTrader", "op": "eq", "value": "yes" }""", "/when/value")]
    [InlineData("""{ "field": "origin", "op": "in", "values": ["CN", 3] }""", "/when/values/1")]
    [InlineData("""{ "field": "routingCountries", "op": "containsAny", "values": [] }""", "/when/values")]
    [InlineData("""{ "field": "origin", "op": "exists", "value": "yes" }""", "/when/value")]
    public void RefusesAValueOfTheWrongType(string when, string pointer) =>
        Assert.Equal([("value.invalid", pointer)], ErrorsOf(Criterion(when)));

    [Theory]
    [InlineData("""{ "field": "origin", "op": "eq" }""", "required", "/when/value")]
    [InlineData("""{ "field": "origin", "op": "in", "value": "CN" }""", "value.unexpected", "/when/value")]
    [InlineData("""{ "field": "origin", "op": "eq", "value": "CN", "values": ["VN"] }""", "value.unexpected", "/when/values")]
    [InlineData("""{ "field": "origin" }""", "required", "/when/op")]
    public void RefusesAMissingOrMisplacedValue(string when, string code, string pointer) =>
        Assert.Equal([(code, pointer)], ErrorsOf(Criterion(when)));

    [Theory]
    [InlineData("[5, 1]")]
    [InlineData("[1]")]
    [InlineData("[1, 2, 3]")]
    public void RequiresTwoAscendingNumbersForBetween(string values) =>
        Assert.Equal([("between.invalid", "/when/values")], ErrorsOf(Criterion($$"""{ "field": "netMass", "op": "between", "values": {{values}} }""")));

    [Theory]
    [InlineData("""{ "all": [{}] }""", "/when/all/0")]
    [InlineData($$"""{ "any": [{{OriginCn}}], "field": "origin", "op": "eq", "value": "VN" }""", "/when")]
    [InlineData($$"""{ "all": [{{OriginCn}}], "not": {{OriginCn}} }""", "/when")]
    public void RefusesAConditionWithNoneOrSeveralOfAllAnyNotField(string when, string pointer) =>
        Assert.Equal([("node.shape", pointer)], ErrorsOf(Criterion(when)));

    [Theory]
    [InlineData("""{ "all": [] }""", "/when/all")]
    [InlineData("""{ "not": { "any": [] } }""", "/when/not/any")]
    public void RefusesAnEmptyAllOrAny(string when, string pointer) =>
        Assert.Equal([("node.empty", pointer)], ErrorsOf(Criterion(when)));

    [Fact]
    public void RefusesValidFromAfterValidTo() =>
        Assert.Equal([("validity.order", "/validFrom")], ErrorsOf(Criterion(OriginCn, """ "validFrom": "2026-02-01", "validTo": "2026-01-31", """)));

    [Fact]
    public void RefusesMalformedOfficeCodes() =>
        Assert.Equal([("office.invalid", "/offices/1"), ("office.invalid", "/offices/2")],
            ErrorsOf(Criterion(OriginCn, """ "offices": ["GB000040", "gb000040", "GB-0040"], """)));

    [Theory]
    [InlineData("Upper-Case")]
    [InlineData("with space")]
    [InlineData("under_score")]
    [InlineData("a123456789-123456789-123456789-123456789-123456789-123456789-1234")]
    public void RefusesIdsThatAreNotShortLowerCaseLettersDigitsAndDashes(string id) =>
        Assert.Equal([("id.invalid", "/id")], ErrorsOf(Criterion(OriginCn, id: id)));

    [Fact]
    public void ReportsEveryFaultOfADocumentAtOnce()
    {
        var json = """
            { "id": "Bad Id", "name": " ", "weight": 5000, "offices": ["x"],
              "when": { "all": [
                { "not": { "field": "hsCode", "op": "gt", "value": 1 } },
                { "any": [ { "field": "nope", "op": "eq", "value": 1 }, { "field": "netMass", "op": "between", "values": [3, 2] } ] } ] } }
            """;

        Assert.Equal(
            [("id.invalid", "/id"), ("required", "/name"), ("weight.out-of-range", "/weight"), ("office.invalid", "/offices/0"),
             ("op.unsupported", "/when/all/0/not/op"), ("field.unknown", "/when/all/1/any/0/field"), ("between.invalid", "/when/all/1/any/1/values")],
            ErrorsOf(json));
    }

    [Fact]
    public void RefusesAnUnknownPropertyBeforeCompilingAndSaysWhere()
    {
        var parsed = CriterionJson.Parse(Criterion("""{ "field": "origin", "op": "eq", "valeu": "CN" }"""));

        Assert.False(parsed.Succeeded);
        Assert.Equal(("validation", "The criterion could not be read."), (parsed.Refusal.Code, parsed.Refusal.Title));
        var error = Assert.Single(parsed.Refusal.Issues);
        Assert.Equal(("json.invalid", "/when/valeu"), (error.Code, error.Pointer));
        Assert.Contains("'valeu'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PointsAtTheCriterionAndPropertyOfAListThatDoesNotRead()
    {
        var parsed = CriterionJson.ParseList($$"""[{{Criterion(OriginCn)}}, { "id": "x", "minimumLane": "purple" }]""");

        Assert.False(parsed.Succeeded);
        var error = Assert.Single(parsed.Refusal.Issues);
        Assert.Equal(("json.invalid", "/1/minimumLane"), (error.Code, error.Pointer));
    }

    [Fact]
    public void GivesNoCriterionWhenThereIsAnyError() => Assert.Null(Compiled(Criterion(OriginCn, id: "UPPER")).Criterion);
}
