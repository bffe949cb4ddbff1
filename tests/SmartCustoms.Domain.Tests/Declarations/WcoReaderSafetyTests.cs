using System.Text;
using SmartCustoms.Domain.Declarations.Wco;

namespace SmartCustoms.Domain.Tests.Declarations;

public class WcoReaderSafetyTests
{
    private const string ExternalEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE Declaration [<!ENTITY e SYSTEM "file:///etc/passwd">]>
        <Declaration xmlns="urn:wco:datamodel:WCO:DEC-DMS:2"><FunctionalReferenceID>&e;</FunctionalReferenceID></Declaration>
        """;

    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <Declaration xmlns="urn:wco:datamodel:WCO:DEC-DMS:2"><FunctionalReferenceID>&lol9;</FunctionalReferenceID></Declaration>
        """;

    [Fact]
    public void RefusesExternalEntityWithoutReadingTheFile()
    {
        var result = WcoDeclarationReader.Read(ExternalEntity);

        Assert.Null(result.Declaration);
        var issue = Assert.Single(result.Issues);
        Assert.Equal("xml.dtd-prohibited", issue.Code);
        Assert.DoesNotContain("root:", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesExternalEntityReadFromAStream()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(ExternalEntity));

        var result = WcoDeclarationReader.Read(stream);

        Assert.Null(result.Declaration);
        Assert.Equal("xml.dtd-prohibited", Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void RefusesBillionLaughs()
    {
        var result = WcoDeclarationReader.Read(BillionLaughs);

        Assert.Null(result.Declaration);
        Assert.Equal("xml.dtd-prohibited", Assert.Single(result.Issues).Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<Declaration xmlns=\"urn:wco:datamodel:WCO:DEC-DMS:2\"><TypeCode>IMA</Declaration>")]
    [InlineData("<Declaration xmlns=\"urn:wco:datamodel:WCO:DEC-DMS:2\">")]
    [InlineData("not xml at all")]
    [InlineData("<Declaration xmlns=\"urn:wco:datamodel:WCO:DEC-DMS:2\"><TypeCode>&unknown;</TypeCode></Declaration>")]
    public void ReportsMalformedXmlAsOneIssue(string xml)
    {
        var result = WcoDeclarationReader.Read(xml);

        Assert.Null(result.Declaration);
        Assert.Equal("xml.malformed", Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void RefusesNestingTwoHundredLevelsDeep()
    {
        var xml = WcoSamples.Bare(string.Concat(Enumerable.Repeat("<GoodsShipment>", 200)) + string.Concat(Enumerable.Repeat("</GoodsShipment>", 200)));

        var result = WcoDeclarationReader.Read(xml);

        Assert.Null(result.Declaration);
        Assert.Equal("xml.too-deep", Assert.Single(result.Issues).Code);
    }

    [Theory]
    [InlineData("<Invoice xmlns=\"urn:wco:datamodel:WCO:DEC-DMS:2\"><ID>1</ID></Invoice>")]
    [InlineData("<Declaration><FunctionalReferenceID>LRN-1</FunctionalReferenceID></Declaration>")]
    [InlineData("<md:MetaData xmlns:md=\"urn:wco:datamodel:WCO:DocumentMetaData-DMS:2\"><Response xmlns=\"urn:wco:datamodel:WCO:RES-DMS:2\"><Declaration/></Response></md:MetaData>")]
    [InlineData("<md:MetaData xmlns:md=\"urn:wco:datamodel:WCO:DocumentMetaData-DMS:2\"><md:WCOTypeName>DEC</md:WCOTypeName></md:MetaData>")]
    public void RefusesDocumentThatIsNotAWcoDeclaration(string xml)
    {
        var result = WcoDeclarationReader.Read(xml);

        Assert.Null(result.Declaration);
        Assert.Equal("xml.not-a-declaration", Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void RefusesDocumentLongerThanTheCharacterLimit()
    {
        var xml = WcoSamples.Bare($"<Exporter><Name>{new string('x', 5_000)}</Name></Exporter>");

        var result = WcoDeclarationReader.Read(xml, maxCharacters: 4_000);

        Assert.Null(result.Declaration);
        Assert.Equal("xml.too-large", Assert.Single(result.Issues).Code);
        Assert.NotNull(WcoDeclarationReader.Read(xml).Declaration);
    }

    [Fact]
    public void StillExpandsThePredefinedEntitiesAndCharacterReferences()
    {
        var result = WcoDeclarationReader.Read(WcoSamples.Bare("<Exporter><Name>Smith &amp; Sons &#x2013; Ltd</Name></Exporter>"));

        Assert.Equal("Smith & Sons – Ltd", result.Declaration?.Exporter?.Name);
    }

    [Fact]
    public void ReadsBareDeclarationWithoutMetaDataWrapper()
    {
        var result = WcoDeclarationReader.Read(WcoSamples.Bare("<FunctionCode>9</FunctionCode>"));

        Assert.Empty(result.Issues);
        Assert.Equal("LRN-1", result.Declaration?.Lrn);
        Assert.Equal("9", result.Declaration?.FunctionCode);
    }
}
