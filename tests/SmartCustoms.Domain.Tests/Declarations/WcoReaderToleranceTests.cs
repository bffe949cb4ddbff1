using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Declarations.Wco;

namespace SmartCustoms.Domain.Tests.Declarations;

public class WcoReaderToleranceTests
{
    private static Declaration Read(string body)
    {
        var result = WcoDeclarationReader.Read(WcoSamples.Bare(body));
        Assert.Empty(result.Issues);
        return result.Declaration!;
    }

    [Fact]
    public void OrdersRoutingCountriesBySequenceNumberNotDocumentOrder()
    {
        var declaration = Read("""
            <Consignment>
              <Itinerary><SequenceNumeric>3</SequenceNumeric><RoutingCountryCode>US</RoutingCountryCode></Itinerary>
              <Itinerary><SequenceNumeric>1</SequenceNumeric><RoutingCountryCode>GB</RoutingCountryCode></Itinerary>
              <Itinerary><SequenceNumeric>2</SequenceNumeric><RoutingCountryCode>CA</RoutingCountryCode></Itinerary>
            </Consignment>
            """);

        Assert.Equal(["GB", "CA", "US"], declaration.RoutingCountries);
    }

    [Theory]
    [InlineData("<Classification><ID>00</ID><IdentificationTypeCode>TRC</IdentificationTypeCode></Classification><Classification><ID>VATZ</ID><IdentificationTypeCode>GN</IdentificationTypeCode></Classification><Classification><ID>85109000</ID><IdentificationTypeCode>TSP</IdentificationTypeCode></Classification>", "85109000")]
    [InlineData("<Classification><ID>851090</ID><IdentificationTypeCode>HS</IdentificationTypeCode></Classification><Classification><ID>85109000</ID><IdentificationTypeCode>CN</IdentificationTypeCode></Classification>", "85109000")]
    [InlineData("<Classification><ID>8510900000</ID></Classification>", "8510900000")]
    [InlineData("<Classification><ID>00</ID><IdentificationTypeCode>TRC</IdentificationTypeCode></Classification>", null)]
    public void TakesTheCommodityCodeNeverTheTaricOrNationalAdditionalCode(string classifications, string? expected)
    {
        var declaration = Read($"<GoodsShipment><GovernmentAgencyGoodsItem><Commodity>{classifications}</Commodity></GovernmentAgencyGoodsItem></GoodsShipment>");

        Assert.Equal(expected, Assert.Single(declaration.Items).HsCode);
    }

    [Fact]
    public void PrefersNonPreferentialOriginOverPreferentialOne()
    {
        var declaration = Read("""
            <GoodsShipment><GovernmentAgencyGoodsItem>
              <Origin><CountryCode>KR</CountryCode><TypeCode>2</TypeCode></Origin>
              <Origin><CountryCode>CN</CountryCode><TypeCode>1</TypeCode></Origin>
            </GovernmentAgencyGoodsItem></GoodsShipment>
            """);

        Assert.Equal("CN", Assert.Single(declaration.Items).Origin);
    }

    [Fact]
    public void ReadsHeaderValuesThatTheUkSamplesLeaveOut()
    {
        var declaration = Read("""
            <DeclarationOfficeID>GB000060</DeclarationOfficeID>
            <InvoiceAmount currencyID="USD">12500.75</InvoiceAmount>
            <TotalGrossMassMeasure unitCode="KGM">1200.5</TotalGrossMassMeasure>
            <CurrencyExchange><RateNumeric>0.7912</RateNumeric></CurrencyExchange>
            <Importer><ID>GB553202734852</ID></Importer>
            <GoodsShipment>
              <Exporter><ID>US123</ID></Exporter>
              <Consignment>
                <DepartureTransportMeans><ID>CSCLGLOBE</ID><IdentificationTypeCode>11</IdentificationTypeCode></DepartureTransportMeans>
                <TransportContractDocument><ID>MEDU1234567</ID><TypeCode>N705</TypeCode></TransportContractDocument>
              </Consignment>
              <GovernmentAgencyGoodsItem>
                <CustomsValueAmount currencyID="GBP">9890</CustomsValueAmount>
                <Commodity><GoodsMeasure><TariffQuantity unitCode="NAR">24</TariffQuantity></GoodsMeasure></Commodity>
              </GovernmentAgencyGoodsItem>
            </GoodsShipment>
            """);

        Assert.Equal("GB000060", declaration.DeclarationOffice);
        Assert.Equal(new Money { Amount = 12500.75m, Currency = "USD" }, declaration.InvoiceAmount);
        Assert.Equal(1200.5m, declaration.TotalGrossMass);
        Assert.Equal(0.7912m, declaration.ExchangeRate);
        Assert.Equal("GB553202734852", declaration.Importer?.Id);
        Assert.Equal("US123", declaration.Exporter?.Id);
        Assert.Equal(("CSCLGLOBE", "11"), (declaration.Transport?.InlandMeansId, declaration.Transport?.InlandMeansIdType));
        Assert.Equal(new DocumentReference { Id = "MEDU1234567", Type = "N705" }, declaration.Transport?.TransportDocument);
        var item = Assert.Single(declaration.Items);
        Assert.Equal(new Money { Amount = 9890m, Currency = "GBP" }, item.CustomsValue);
        Assert.Equal((24m, "NAR"), (item.Quantity, item.QuantityUnit));
    }

    [Fact]
    public void ReadsDeclarationOfficeNestedAsInTheFullWcoModel()
    {
        var declaration = Read("<DeclarationOffice><ID>NLRTM001</ID></DeclarationOffice>");

        Assert.Equal("NLRTM001", declaration.DeclarationOffice);
    }

    [Fact]
    public void LeavesTransportOutWhenTheDeclarationHasNone()
    {
        var declaration = Read("<FunctionCode>9</FunctionCode>");

        Assert.Null(declaration.Transport);
        Assert.Empty(declaration.Items);
    }
}
