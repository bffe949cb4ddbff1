using SmartCustoms.Domain.Postal;
using SmartCustoms.Domain.Tariffs;

namespace SmartCustoms.Domain.Tests.Postal;

public sealed class PostalScreeningTests
{
    private static readonly DateOnly Day = new(2026, 12, 2);
    private readonly PostalScreening _screening = new(TariffFile.LoadDemo(), Day, new ScreeningSettings());

    private PostalAnswer Screen(PostalItem item, params PriorItem[] prior) =>
        _screening.Screen(new ScreeningInput("FR-POST", item.ItemId!, item, prior)).Answer;

    private static string[] Codes(PostalAnswer answer) => [.. answer.Reasons.Select(r => r.Code)];

    [Fact]
    public void ReleasesAWellDescribedLowValueSaleWithTheVatDue()
    {
        var answer = Screen(PostalSamples.Sale());

        Assert.Equal(PostalDecision.ReleaseWithDutyDue, answer.Decision);
        Assert.Equal(["duty.due"], Codes(answer));
        Assert.True(answer.Duty!.DeMinimisApplied);
        Assert.Equal((0m, 4.98m), (answer.Duty.Duty, answer.Duty.Vat));
    }

    [Fact]
    public void ReleasesAnIossSaleUnderTheThresholdWithNothingDue()
    {
        var answer = Screen(PostalSamples.Sale() with { TaxRegistration = new TaxRegistration { Type = "ioss", Number = "IM3720000224" } });

        Assert.Equal(PostalDecision.Release, answer.Decision);
        Assert.True(answer.Duty!.VatPaidAtSale);
        Assert.Equal(0m, answer.Duty.Payable);
    }

    [Fact]
    public void ChargesDutyPerLineAboveDeMinimisInTheTariffCurrency()
    {
        var item = PostalSamples.Sale(value: 250m) with
        {
            Contents = [new ContentLine { Description = "Leather handbag", HsCode = "420221", Quantity = 1, NetMass = 0.9m, Value = 250m, Currency = "USD", Origin = "CN" }],
            Currency = "USD",
        };

        var answer = Screen(item);

        var line = Assert.Single(answer.Duty!.Lines);
        Assert.Equal(225m, line.Value);
        Assert.False(answer.Duty.DeMinimisApplied);
        Assert.True(line.Duty > 0);
        Assert.Equal(line.Duty, answer.Duty.Duty);
    }

    [Theory]
    [InlineData("gift")]
    [InlineData("Parts")]
    [InlineData("Vêtements")]
    [InlineData("Geschenk")]
    [InlineData("ropa y accesorios")]
    [InlineData("подарок")]
    [InlineData("礼物")]
    [InlineData("general cargo")]
    public void HoldsAVagueDescriptionInAnyLanguageForInformation(string description)
    {
        var answer = Screen(PostalSamples.Sale(description: description));

        Assert.Equal(PostalDecision.HoldForInformation, answer.Decision);
        Assert.Equal("/contents/0/description", answer.Reasons.Single(r => r.Code == "description.vague").Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void HoldsATokenValue(decimal value) =>
        Assert.Contains("value.token", Codes(Screen(PostalSamples.Sale(value: value))));

    [Fact]
    public void InspectsAGiftFromABusiness()
    {
        var answer = Screen(PostalSamples.Gift("Shenzhen Gadget Co., Ltd"));

        Assert.Equal(PostalDecision.Inspect, answer.Decision);
        Assert.Contains("gift.commercial-sender", Codes(answer));
        Assert.DoesNotContain("gift.commercial-sender", Codes(Screen(PostalSamples.Gift("Margaret Hughes"))));
    }

    [Fact]
    public void HoldsASaleOfGoodsWithoutHsCode() =>
        Assert.Equal(PostalDecision.HoldForInformation, Screen(PostalSamples.Sale(hs: null)).Decision);

    [Fact]
    public void FindsASplitShipmentAcrossOperatorsAndBatchesAndNamesItsParts()
    {
        var first = new PriorItem("CN-POST", "LZ448865302US", 60m);
        var second = new PriorItem("DHL", "1234567890", 55m);

        var under = Screen(PostalSamples.Sale(value: 30m), first);
        var over = Screen(PostalSamples.Sale(value: 60m), first, second);

        Assert.DoesNotContain("split-shipment", Codes(under));
        Assert.Equal(PostalDecision.Inspect, over.Decision);
        var split = over.Reasons.Single(r => r.Code == "split-shipment");
        Assert.Equal(["CN-POST/LZ448865302US", "DHL/1234567890"], split.RelatedItems);
        Assert.Contains("175", split.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void DoesNotCountTheSameItemSentAgainAsAPart()
    {
        var answer = Screen(PostalSamples.Sale(value: 100m), new PriorItem("FR-POST", "RR123456785GB", 100m));

        Assert.DoesNotContain("split-shipment", Codes(answer));
    }

    [Fact]
    public void FindsASplitInsideOneBatchForOneRecipientHoweverTheAddressIsWritten()
    {
        var a = PostalSamples.Sale("RR000000005GB", value: 70m);
        var b = PostalSamples.Sale("RR000000080GB", value: 70m) with
        {
            Recipient = a.Recipient! with { Name = "EMILIE  DURAND", Address = "5, Rue de la Paix" },
        };
        var c = PostalSamples.Sale("RR000000031GB", value: 70m);
        var keys = new[] { a, b, c }.Select(i => RecipientKey.Of(i.Recipient!)).Distinct().ToList();

        var results = _screening.ScreenBatch([.. new[] { a, b, c }.Select(i => ("FR-POST", i.ItemId!, keys[0], i))], new Dictionary<string, IReadOnlyList<PriorItem>>());

        Assert.Single(keys);
        Assert.Equal([false, false, true], results.Select(r => r.Answer.Reasons.Any(x => x.Code == "split-shipment")));
    }

    [Fact]
    public void HoldsAnIossConsignmentOverTheCeiling()
    {
        var answer = Screen(PostalSamples.Sale(value: 400m) with { TaxRegistration = new TaxRegistration { Type = "ioss", Number = "IM3720000224" } });

        Assert.Contains("ioss.over-ceiling", Codes(answer));
    }
}
