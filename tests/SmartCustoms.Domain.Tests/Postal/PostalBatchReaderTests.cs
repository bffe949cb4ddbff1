using System.Text;
using System.Text.Json;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Postal;

namespace SmartCustoms.Domain.Tests.Postal;

public sealed class PostalBatchReaderTests
{
    private static PostalBatch Read(string json, int maxItems = 100) => PostalBatchReader.Read(Encoding.UTF8.GetBytes(json), maxItems).Value;

    private static string Batch(params PostalItem[] items) =>
        JsonSerializer.Serialize(new { messageId = "MSG-1", items }, PostalJson.Options);

    [Fact]
    public void AcceptsACompleteSaleOfGoods()
    {
        var batch = Read(Batch(PostalSamples.Sale()));

        var item = Assert.Single(batch.Items);
        Assert.False(item.Refused);
        Assert.Empty(item.Issues);
        Assert.Equal("MSG-1", batch.MessageId);
    }

    [Fact]
    public void RefusesOnlyTheItemWithAFaultPointingAtItsField()
    {
        var bad = PostalSamples.Sale("RR000000005GB") with
        {
            Contents = [new ContentLine { Description = "Phone case", HsCode = "392690", Quantity = 1, NetMass = 0.1m, Value = -4, Currency = "EUR", Origin = "CN" }],
            TotalValue = null,
        };

        var batch = Read(Batch(PostalSamples.Sale(), bad, PostalSamples.Sale("RR000000080GB")));

        Assert.Equal([false, true, false], batch.Items.Select(i => i.Refused));
        Assert.Equal(["/items/1/contents/0/value"], batch.Items[1].Issues.Select(i => i.Pointer));
    }

    [Fact]
    public void RefusesAnItemOfTheWrongShapeAtItsFieldAndReadsTheOthers()
    {
        var json = Batch(PostalSamples.Sale(), PostalSamples.Sale("RR000000080GB")).Replace("\"value\":24.90", "\"value\":\"cheap\"", StringComparison.Ordinal);
        json = json.Replace("\"RR000000080GB\"", "\"RR000000080GB\",\"colour\":\"red\"", StringComparison.Ordinal);

        var batch = Read(json);

        Assert.Equal("/items/0/contents/0/value", Assert.Single(batch.Items[0].Issues).Pointer);
        Assert.True(batch.Items[1].Refused);
        Assert.Contains("colour", Assert.Single(batch.Items[1].Issues).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RB123456786US", "item-id.s10-check-digit")]
    [InlineData("RB123456785XX", "item-id.s10-country")]
    [InlineData("R1123456785GB", "item-id.s10-format")]
    public void RefusesAnS10IdThatIsNotOne(string id, string code)
    {
        var item = Assert.Single(Read(Batch(PostalSamples.Sale(id))).Items);

        Assert.True(item.Refused);
        Assert.Equal((code, "/items/0/itemId"), (item.Issues[0].Code, item.Issues[0].Pointer));
    }

    [Fact]
    public void NormalisesS10IdsAndTakesACarriersOwnId()
    {
        var express = PostalSamples.Sale("1Z999AA10123456784") with { ItemIdScheme = "carrier" };

        var batch = Read(Batch(PostalSamples.Sale("rr 123 456 785 gb"), express));

        Assert.Equal(["RR123456785GB", "1Z999AA10123456784"], batch.Items.Select(i => i.ItemId));
        Assert.All(batch.Items, i => Assert.False(i.Refused));
    }

    [Fact]
    public void AsksForWhatEachCategoryNeeds()
    {
        var sale = PostalSamples.Sale() with { Contents = [new ContentLine { Description = "Sneakers", Quantity = 1, NetMass = 0.8m, Value = 40, Currency = "EUR" }], TotalValue = 40 };
        var returned = PostalSamples.Sale("RR000000080GB") with { Category = "returnedGoods" };
        var documents = PostalSamples.Sale("RR000000031GB") with { Category = "documents", Contents = [], TotalValue = null };

        var batch = Read(Batch(sale, returned, documents));

        Assert.Equal(["/items/0/contents/0/hsCode", "/items/0/contents/0/origin"], batch.Items[0].Issues.Select(i => i.Pointer));
        Assert.Equal([IssueSeverity.Warning, IssueSeverity.Error], batch.Items[0].Issues.Select(i => i.Severity));
        Assert.Equal("/items/1/explanation", Assert.Single(batch.Items[1].Issues).Pointer);
        Assert.Empty(batch.Items[2].Issues);
    }

    [Fact]
    public void ChecksCountriesCurrenciesOfficesAndIossAgainstTheReferenceData()
    {
        var item = PostalSamples.Sale() with
        {
            Recipient = PostalSamples.Sale().Recipient! with { Country = "XX" },
            Currency = "EURO",
            ArrivalOffice = "FRZZZ",
            TaxRegistration = new TaxRegistration { Type = "ioss", Number = "IM1234567890" },
        };

        var issues = Assert.Single(Read(Batch(item)).Items).Issues;

        Assert.Equal(
            ["/items/0/recipient/country", "/items/0/taxRegistration/number", "/items/0/currency", "/items/0/arrivalOffice"],
            issues.Select(i => i.Pointer));
    }

    [Fact]
    public void WarnsWhenTheTotalIsNotTheSumOfTheLines()
    {
        var item = Assert.Single(Read(Batch(PostalSamples.Sale() with { TotalValue = 99 })).Items);

        Assert.False(item.Refused);
        Assert.Equal("total-value.mismatch", Assert.Single(item.Issues).Code);
    }

    [Fact]
    public void RefusesTheSecondItemWithTheSameId()
    {
        var batch = Read(Batch(PostalSamples.Sale(), PostalSamples.Sale("RR 123456785 GB")));

        Assert.False(batch.Items[0].Refused);
        Assert.Equal("item-id.repeated", Assert.Single(batch.Items[1].Issues).Code);
    }

    [Theory]
    [InlineData("[]", "")]
    [InlineData("{\"items\":[{}]}", "/messageId")]
    [InlineData("{\"messageId\":\"M\",\"items\":[]}", "/items")]
    [InlineData("{\"messageId\":\"M\",\"items\":{}}", "/items")]
    [InlineData("{\"messageId\":\"M\",\"items\":[],\"extra\":1}", "/extra")]
    [InlineData("{\"messageId\":\"M\",\"items\":[{},{},{}]}", "/items")]
    public void RefusesTheWholeBatchOnlyForItsEnvelope(string json, string pointer)
    {
        var read = PostalBatchReader.Read(Encoding.UTF8.GetBytes(json), maxItems: 2);

        Assert.False(read.Succeeded);
        Assert.Equal(pointer, read.Refusal!.Issues[0].Pointer);
    }

    [Fact]
    public void RefusesAnItemWithTextThatIsNotUnicode()
    {
        var json = Batch(PostalSamples.Sale()).Replace("Bluetooth", "\\ud800", StringComparison.Ordinal);

        var item = Assert.Single(Read(json).Items);

        Assert.Equal(("json.text", "/items/0/contents/0/description"), (item.Issues[0].Code, item.Issues[0].Pointer));
    }
}
