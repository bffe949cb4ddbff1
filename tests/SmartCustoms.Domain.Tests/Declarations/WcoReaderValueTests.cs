using SmartCustoms.Domain.Declarations.Wco;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Domain.Tests.Declarations;

public class WcoReaderValueTests
{
    private const string Item = "Declaration/GoodsShipment/GovernmentAgencyGoodsItem";

    [Fact]
    public void ReportsEveryInvalidNumberWithItsWcoPointerWhileOtherFieldsStillMap()
    {
        var xml = WcoSamples.Bare("""
            <GoodsItemQuantity>two</GoodsItemQuantity>
            <InvoiceAmount currencyID="EUR">1e20</InvoiceAmount>
            <TotalGrossMassMeasure>NaN</TotalGrossMassMeasure>
            <TotalPackageQuantity>2.5</TotalPackageQuantity>
            <GoodsShipment>
              <GovernmentAgencyGoodsItem>
                <SequenceNumeric>1</SequenceNumeric>
                <Commodity><GoodsMeasure><GrossMassMeasure>150.5</GrossMassMeasure></GoodsMeasure></Commodity>
              </GovernmentAgencyGoodsItem>
              <GovernmentAgencyGoodsItem>
                <SequenceNumeric>2</SequenceNumeric>
                <Commodity>
                  <Classification><ID>18040000</ID><IdentificationTypeCode>TSP</IdentificationTypeCode></Classification>
                  <GoodsMeasure><GrossMassMeasure>1,500</GrossMassMeasure><NetNetWeightMeasure>9999999999999999</NetNetWeightMeasure></GoodsMeasure>
                </Commodity>
              </GovernmentAgencyGoodsItem>
              <GovernmentAgencyGoodsItem>
                <Packaging><SequenceNumeric>1</SequenceNumeric><QuantityQuantity>ten</QuantityQuantity></Packaging>
              </GovernmentAgencyGoodsItem>
            </GoodsShipment>
            """);

        var result = WcoDeclarationReader.Read(xml);

        Assert.Equal(
            [
                ("xml.invalid-number", "Declaration/GoodsItemQuantity"),
                ("xml.invalid-number", $"{Item}[2]/Commodity/GoodsMeasure/GrossMassMeasure"),
                ("xml.number-out-of-range", $"{Item}[2]/Commodity/GoodsMeasure/NetNetWeightMeasure"),
                ("xml.invalid-number", $"{Item}[3]/Packaging[1]/QuantityQuantity"),
                ("xml.invalid-number", "Declaration/InvoiceAmount"),
                ("xml.invalid-number", "Declaration/TotalGrossMassMeasure"),
                ("xml.invalid-number", "Declaration/TotalPackageQuantity"),
            ],
            result.Issues.Select(i => (i.Code, i.Pointer)).OrderBy(i => i.Pointer, StringComparer.Ordinal));
        Assert.All(result.Issues, i => Assert.Equal(IssueSeverity.Error, i.Severity));
        var declaration = Assert.IsType<SmartCustoms.Domain.Declarations.Declaration>(result.Declaration);
        Assert.Equal("LRN-1", declaration.Lrn);
        Assert.Equal("EUR", declaration.InvoiceAmount?.Currency);
        Assert.Null(declaration.InvoiceAmount?.Amount);
        Assert.Equal(150.5m, declaration.Items[0].GrossMass);
        Assert.Equal("18040000", declaration.Items[1].HsCode);
        Assert.Equal(3, declaration.Items.Count);
    }

    [Fact]
    public void IndexesAnItemWithAnUnreadableSequenceNumberByItsPosition()
    {
        var xml = WcoSamples.Bare("""
            <GoodsShipment>
              <GovernmentAgencyGoodsItem><SequenceNumeric>1</SequenceNumeric></GovernmentAgencyGoodsItem>
              <GovernmentAgencyGoodsItem><SequenceNumeric>x2</SequenceNumeric></GovernmentAgencyGoodsItem>
            </GoodsShipment>
            """);

        var issue = Assert.Single(WcoDeclarationReader.Read(xml).Issues);

        Assert.Equal($"{Item}[2]/SequenceNumeric", issue.Pointer);
    }

    [Fact]
    public void ReadsAtMostTenThousandItemsAndSaysSo()
    {
        var items = string.Concat(Enumerable.Range(1, 10_001).Select(n => $"<GovernmentAgencyGoodsItem><SequenceNumeric>{n}</SequenceNumeric></GovernmentAgencyGoodsItem>"));

        var result = WcoDeclarationReader.Read(WcoSamples.Bare($"<GoodsShipment>{items}</GoodsShipment>"));

        var issue = Assert.Single(result.Issues);
        Assert.Equal("xml.too-many-items", issue.Code);
        Assert.Equal($"{Item}[10001]", issue.Pointer);
        Assert.Equal(10_000, result.Declaration?.Items.Count);
    }

    [Theory]
    [InlineData("304", "20250731143931+01", "2025-07-31T14:39:31+01:00")]
    [InlineData("304", "20250731143931Z", "2025-07-31T14:39:31+00:00")]
    [InlineData("304", "20250731143931-0530", "2025-07-31T14:39:31-05:30")]
    [InlineData("102", "20250731", "2025-07-31T00:00:00+00:00")]
    public void ReadsIssueDateTimeInFormats304And102(string format, string text, string expected)
    {
        var xml = WcoSamples.Bare($"""<IssueDateTime><p1:DateTimeString formatCode="{format}">{text}</p1:DateTimeString></IssueDateTime>""");

        var result = WcoDeclarationReader.Read(xml);

        Assert.Empty(result.Issues);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Declaration?.IssueDateTime);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, result.Declaration?.IssueDateTime?.Offset);
    }

    [Theory]
    [InlineData("304", "20250731143931")]
    [InlineData("304", "20251331143931Z")]
    [InlineData("304", "20250731143931+1")]
    [InlineData("102", "2025-07-31")]
    [InlineData("203", "202507311439")]
    public void ReportsUnreadableIssueDateTime(string format, string text)
    {
        var xml = WcoSamples.Bare($"""<IssueDateTime><p1:DateTimeString formatCode="{format}">{text}</p1:DateTimeString></IssueDateTime>""");

        var result = WcoDeclarationReader.Read(xml);

        var issue = Assert.Single(result.Issues);
        Assert.Equal(("xml.invalid-date", "Declaration/IssueDateTime/DateTimeString"), (issue.Code, issue.Pointer));
        Assert.Null(result.Declaration?.IssueDateTime);
        Assert.Equal("LRN-1", result.Declaration?.Lrn);
    }

    [Fact]
    public void RefusesMassInAnotherUnitThanKilograms()
    {
        var xml = WcoSamples.Bare("""<TotalGrossMassMeasure unitCode="TNE">2</TotalGrossMassMeasure>""");

        var result = WcoDeclarationReader.Read(xml);

        var issue = Assert.Single(result.Issues);
        Assert.Equal(("xml.unsupported-unit", "Declaration/TotalGrossMassMeasure/@unitCode"), (issue.Code, issue.Pointer));
        Assert.Null(result.Declaration?.TotalGrossMass);
    }

    [Fact]
    public void ReportsContainerIndicatorOtherThanZeroOrOne()
    {
        var xml = WcoSamples.Bare("<GoodsShipment><Consignment><ContainerCode>Y</ContainerCode></Consignment></GoodsShipment>");

        var issue = Assert.Single(WcoDeclarationReader.Read(xml).Issues);

        Assert.Equal(("xml.invalid-indicator", "Declaration/GoodsShipment/Consignment/ContainerCode"), (issue.Code, issue.Pointer));
    }

    [Fact]
    public void ReportsProcedureCodeThatIsNeitherRequestedNorAdditional()
    {
        var xml = WcoSamples.Bare("""
            <GoodsShipment><GovernmentAgencyGoodsItem>
              <SequenceNumeric>4</SequenceNumeric>
              <GovernmentProcedure><CurrentCode>4000</CurrentCode></GovernmentProcedure>
              <GovernmentProcedure><CurrentCode>40</CurrentCode><PreviousCode>71</PreviousCode></GovernmentProcedure>
              <GovernmentProcedure><CurrentCode>F15</CurrentCode></GovernmentProcedure>
            </GovernmentAgencyGoodsItem></GoodsShipment>
            """);

        var result = WcoDeclarationReader.Read(xml);

        var issue = Assert.Single(result.Issues);
        Assert.Equal(("xml.unexpected-procedure-code", $"{Item}[4]/GovernmentProcedure[1]/CurrentCode"), (issue.Code, issue.Pointer));
        var item = Assert.Single(result.Declaration!.Items);
        Assert.Equal(("40", "71"), (item.ProcedureCode, item.PreviousProcedureCode));
        Assert.Equal(["F15"], item.AdditionalProcedureCodes);
    }
}
