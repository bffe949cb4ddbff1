using SmartCustoms.Domain.Declarations;

namespace SmartCustoms.Domain.Tests.Validation;

/// <summary>Countries (ISO 3166), currencies (ISO 4217) and locations (UN/LOCODE) checked against the reference catalogue.</summary>
public class CodeListTests
{
    [Theory]
    [InlineData("export country", "/exportCountry")]
    [InlineData("destination country", "/destinationCountry")]
    [InlineData("routing country", "/routingCountries/1")]
    [InlineData("origin", "/items/1/origin")]
    [InlineData("importer address", "/importer/address/country")]
    [InlineData("nationality", "/transport/borderMeansNationality")]
    public void RejectsUnknownCountryCode(string field, string pointer)
    {
        var import = ValidDeclarations.Import();
        var broken = field switch
        {
            "export country" => import with { ExportCountry = "XX" },
            "destination country" => import with { DestinationCountry = "gb" },
            "routing country" => import with { RoutingCountries = ["CN", "UK", "GB"] },
            "origin" => import with { Items = [import.Items[0], import.Items[1] with { Origin = "CHN" }] },
            "importer address" => import with { Importer = import.Importer! with { Address = new Address { Country = "EU" } } },
            "nationality" => import.WithTransport(t => t with { BorderMeansNationality = "ZZ" }),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        broken.Validate().AssertOnlyError("country.unknown", pointer);
    }

    [Fact]
    public void AcceptsNamibiaWhoseCodeIsNa() =>
        (ValidDeclarations.Import() with { ExportCountry = "NA" }).WithFirstItem(i => i with { Origin = "NA" }).Validate().AssertClean();

    [Fact]
    public void RejectsUnknownInvoiceCurrency() =>
        (ValidDeclarations.Import() with { InvoiceAmount = new Money { Amount = 3000m, Currency = "DEM" } })
            .Validate().AssertOnlyError("currency.unknown", "/invoiceAmount/currency");

    [Fact]
    public void RejectsUnknownItemPriceCurrency() =>
        ValidDeclarations.Import().WithFirstItem(i => i with { ItemPrice = new Money { Amount = 2000m, Currency = "usd" } })
            .Validate().AssertOnlyError("currency.unknown", "/items/0/itemPrice/currency");

    [Fact]
    public void RejectsAmountWithoutCurrency() =>
        ValidDeclarations.Import().WithFirstItem(i => i with { CustomsValue = new Money { Amount = 2100m } })
            .Validate().AssertOnlyError("required", "/items/0/customsValue/currency");

    [Theory]
    [InlineData("ZZZZZ", "/goodsLocation")]
    [InlineData("GBXQZ", "/goodsLocation")]
    public void RejectsFiveCharacterGoodsLocationThatIsNotAUnLocode(string location, string pointer) =>
        (ValidDeclarations.Import() with { GoodsLocation = location }).Validate().AssertOnlyError("location.unknown", pointer);

    [Fact]
    public void RejectsTradeTermsLocationThatIsNotAUnLocode() =>
        (ValidDeclarations.Import() with { TradeTermsLocation = "NLXQZ" }).Validate().AssertOnlyError("location.unknown", "/tradeTermsLocation");

    [Theory]
    [InlineData("GBWLA")]
    [InlineData("NLRTM")]
    [InlineData("WLALONBTW")]
    [InlineData("GBAUFXTFXTFXT")]
    public void AcceptsUnLocodesAndLongerNationalLocationIds(string location) =>
        (ValidDeclarations.Import() with { GoodsLocation = location, TradeTermsLocation = location }).Validate().AssertClean();
}
