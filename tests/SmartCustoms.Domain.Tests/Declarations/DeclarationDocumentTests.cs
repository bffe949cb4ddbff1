using System.Text;
using System.Text.Json;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Tests.Validation;

namespace SmartCustoms.Domain.Tests.Declarations;

public class DeclarationDocumentTests
{
    private const string WcoXml = """
        <Declaration xmlns="urn:wco:datamodel:WCO:DEC-DMS:2">
          <FunctionalReferenceID>LRN-1</FunctionalReferenceID>
          <TypeCode>IMA</TypeCode>
          <GoodsShipment>
            <GovernmentAgencyGoodsItem><SequenceNumeric>4</SequenceNumeric></GovernmentAgencyGoodsItem>
          </GoodsShipment>
        </Declaration>
        """;

    [Fact]
    public void ReadsACamelCaseJsonDeclaration()
    {
        var document = Read("""{"type":"IMA","lrn":"L-1","items":[{"sequence":1,"hsCode":"847130","netMass":12.5,"itemPrice":{"amount":10,"currency":"USD"}}]}""");

        Assert.Empty(document.Issues);
        Assert.Equal(DeclarationFormat.Json, document.Format);
        var declaration = Assert.IsType<Declaration>(document.Declaration);
        Assert.Equal(("IMA", "L-1"), (declaration.Type, declaration.Lrn));
        var item = Assert.Single(declaration.Items);
        Assert.Equal(("847130", 12.5m, 10m, "USD"), (item.HsCode, item.NetMass, item.ItemPrice?.Amount, item.ItemPrice?.Currency));
    }

    [Theory]
    [InlineData("""{"items":[{"netMass":"heavy"}]}""", "/items/0/netMass")]
    [InlineData("""{"items":[{},{"packages":[{"quantity":1.5}]}]}""", "/items/1/packages/0/quantity")]
    [InlineData("""{"transport":{"containers":[{"seals":["S1",7]}]}}""", "/transport/containers/0/seals/1")]
    [InlineData("""{"lrn":12}""", "/lrn")]
    [InlineData("""{"issueDateTime":"yesterday"}""", "/issueDateTime")]
    [InlineData("""{"items":null}""", "/items")]
    [InlineData("""{"transport":{"containers":[{"seals":null}]}}""", "/transport/containers/0/seals")]
    public void PointsAtTheFieldThatIsNotValidJsonForIt(string json, string pointer)
    {
        var issue = Assert.Single(Read(json).Issues);

        Assert.Equal(("json.malformed", pointer), (issue.Code, issue.Pointer));
    }

    [Theory]
    [InlineData("""{"type":"IMA","colour":"red"}""", "/colour")]
    [InlineData("""{"items":[{"weight":1}]}""", "/items/0/weight")]
    public void RefusesAnUnknownPropertyNamingIt(string json, string pointer)
    {
        var document = Read(json);

        Assert.Null(document.Declaration);
        var issue = Assert.Single(document.Issues);
        Assert.Equal(("json.malformed", pointer), (issue.Code, issue.Pointer));
        Assert.Contains(pointer[(pointer.LastIndexOf('/') + 1)..], issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("")]
    [InlineData("""{"type":"IMA",}""")]
    [InlineData("""{"type":"IMA" /* comment */}""")]
    [InlineData("[1]")]
    public void RefusesTextThatIsNotAJsonDeclaration(string json)
    {
        var document = Read(json);

        Assert.Null(document.Declaration);
        Assert.Equal("json.malformed", Assert.Single(document.Issues).Code);
    }

    [Fact]
    public void RefusesJsonNull()
    {
        var issue = Assert.Single(Read("null").Issues);

        Assert.Equal(("json.not-a-declaration", ""), (issue.Code, issue.Pointer));
    }

    [Fact]
    public void RefusesDeeplyNestedJsonWithAnIssueNotAnException()
    {
        var document = Read("""{"items":[{"packages":[{"marks":""" + new string('[', 10_000) + new string(']', 10_000) + "}]}]}");

        Assert.Null(document.Declaration);
        Assert.Equal("json.malformed", Assert.Single(document.Issues).Code);
    }

    [Fact]
    public void AllowsNestingUpTo32LevelsAndNoDeeper()
    {
        static string Nested(int depth) => new string('[', depth) + new string(']', depth);

        JsonSerializer.Deserialize<JsonElement>(Nested(32), DeclarationJson.Options);

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<JsonElement>(Nested(33), DeclarationJson.Options));
    }

    [Theory]
    [InlineData("{\"type\":\"IMA\"}", DeclarationFormat.Json)]
    [InlineData(" \r\n\t{}", DeclarationFormat.Json)]
    [InlineData("\uFEFF{}", DeclarationFormat.Json)]
    [InlineData("", DeclarationFormat.Json)]
    [InlineData("<Declaration/>", DeclarationFormat.WcoXml)]
    [InlineData("<?xml version=\"1.0\"?><Declaration/>", DeclarationFormat.WcoXml)]
    [InlineData("\n\n  <Declaration/>", DeclarationFormat.WcoXml)]
    [InlineData("\uFEFF<Declaration/>", DeclarationFormat.WcoXml)]
    [InlineData("\uFEFF \t<Declaration/>", DeclarationFormat.WcoXml)]
    public void SniffsJsonOrXmlFromTheFirstNonBlankCharacter(string text, DeclarationFormat format) =>
        Assert.Equal(format, DeclarationDocument.Sniff(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void SniffsAndReadsTheDmsImportSample()
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Declarations", "Samples", "Step1_TT_IM001a.xml"));

        var document = DeclarationDocument.Read(bytes, DeclarationDocument.Sniff(bytes));

        Assert.Equal(DeclarationFormat.WcoXml, document.Format);
        Assert.True(document.Declaration?.IsImport);
    }

    [Fact]
    public void TranslatesPointersToWcoPathsForAnXmlDocument()
    {
        var document = DeclarationDocument.Read(Encoding.UTF8.GetBytes(WcoXml), DeclarationFormat.WcoXml);

        Assert.Equal("Declaration/GoodsShipment/GovernmentAgencyGoodsItem[4]/Commodity/Classification/ID", document.PointerFor("/items/0/hsCode"));
        Assert.Equal("Declaration/FunctionalReferenceID", document.PointerFor("/lrn"));
    }

    [Fact]
    public void KeepsJsonPointersForAJsonDocument() =>
        Assert.Equal("/items/0/hsCode", Read(DeclarationJson.Serialize(ValidDeclarations.Import())).PointerFor("/items/0/hsCode"));

    private static DeclarationDocument Read(string json) => DeclarationDocument.Read(Encoding.UTF8.GetBytes(json), DeclarationFormat.Json);
}
