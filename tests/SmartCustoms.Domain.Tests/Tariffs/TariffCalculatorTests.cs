using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Tariffs;
using static SmartCustoms.Domain.Tests.Tariffs.TestTariff;

namespace SmartCustoms.Domain.Tests.Tariffs;

public class TariffCalculatorTests
{
    [Theory]
    [InlineData("847150", "8471", "0")]
    [InlineData("8471500000", "8471", "0")]
    [InlineData("848180", "84", "20")]
    [InlineData("610910", null, "50")]
    public void AppliesTheLongestPrefixInForceOrTheDefaultRate(string hs, string? line, string duty)
    {
        var item = Assert.Single(Import(Item(hs, Eur(1000m))).Assess().Items);

        Assert.Equal(line, item.TariffLine);
        Assert.Equal(decimal.Parse(duty, System.Globalization.CultureInfo.InvariantCulture), item.Duty);
    }

    [Fact]
    public void SkipsALineThatIsNotYetValid() =>
        Assert.Equal("8471", Assert.Single(Import(Item("8471300000", Eur(1000m))).Assess(new DateOnly(2026, 12, 31)).Items).TariffLine);

    [Fact]
    public void AppliesALineFromItsFirstDay_1000At1PercentIs10()
    {
        var item = Assert.Single(Import(Item("8471300000", Eur(1000m))).Assess(new DateOnly(2027, 1, 1)).Items);

        Assert.Equal("847130", item.TariffLine);
        Assert.Equal(10m, item.Duty);
    }

    [Fact]
    public void AppliesALineUpToItsLastDay_1000At4PercentIs40() =>
        Assert.Equal(40m, Assert.Single(Import(Item("848180", Eur(1000m))).Assess(new DateOnly(2025, 12, 31)).Items).Duty);

    [Fact]
    public void ChargesAdValoremDutyAndVatOnValuePlusDuty_1000At5PercentIs50_1050At20PercentIs210()
    {
        var assessment = Import(Item("610910", Eur(1000m))).Assess();

        var item = Assert.Single(assessment.Items);
        Assert.Equal((DutyBasis.AdValorem, 1000m, 50m, 1050m, 210m), (item.DutyBasis, item.CustomsValue, item.Duty, item.VatBase, item.Vat));
        Assert.Equal((1000m, 50m, 210m, 260m), (assessment.TotalCustomsValue, assessment.TotalDuty, assessment.TotalVat, assessment.TotalPayable));
        Assert.False(assessment.DeMinimisApplied);
    }

    [Fact]
    public void ChargesDutyPerKilogramOfNetMass_12point5KgAt60Is750_VatOn1150Is230()
    {
        var item = Assert.Single(Import(Item("240220", Eur(400m)) with { NetMass = 12.5m, GrossMass = 14m }).Assess().Items);

        Assert.Equal((DutyBasis.PerKilogram, 750m, 1150m, 230m), (item.DutyBasis, item.Duty, item.VatBase, item.Vat));
    }

    [Fact]
    public void ChargesDutyPerUnitOfQuantity_120At1point3Is156_VatOn756Is151point20()
    {
        var item = Assert.Single(Import(Item("220421", Eur(600m)) with { Quantity = 120m, NetMass = 130m }).Assess().Items);

        Assert.Equal((DutyBasis.PerUnit, 156m, 756m, 151.20m), (item.DutyBasis, item.Duty, item.VatBase, item.Vat));
    }

    [Fact]
    public void ChargesNoDutyButStillVatAtTheDeMinimisThreshold_150At20PercentIs30()
    {
        var assessment = Import(Item("610910", Eur(150m))).Assess();

        Assert.True(assessment.DeMinimisApplied);
        Assert.Equal((0m, 30m), (assessment.TotalDuty, assessment.TotalVat));
    }

    [Fact]
    public void ChargesDutyJustOverTheDeMinimisThreshold_150point01At5PercentIs7point50()
    {
        var assessment = Import(Item("610910", Eur(150.01m))).Assess();

        Assert.False(assessment.DeMinimisApplied);
        Assert.Equal((7.50m, 31.50m), (assessment.TotalDuty, assessment.TotalVat));
    }

    [Fact]
    public void AppliesDeMinimisToTheConsignmentNotEachItem_100Plus60Is160_DutyIs5Plus3()
    {
        var assessment = Import(Item("610910", Eur(100m)), Item("610910", Eur(60m))).Assess();

        Assert.False(assessment.DeMinimisApplied);
        Assert.Equal([5m, 3m], assessment.Items.Select(i => i.Duty));
        Assert.Equal(8m, assessment.TotalDuty);
    }

    [Fact]
    public void AppliesDeMinimisToTheConvertedValue_160UsdAt0point92Is147point20Eur()
    {
        var assessment = Import(Item("610910", Money(160m, "USD"))).Assess();

        Assert.True(assessment.DeMinimisApplied);
        Assert.Equal(147.20m, assessment.TotalCustomsValue);
        Assert.Equal(0m, assessment.TotalDuty);
    }

    [Fact]
    public void RoundsToCentsAwayFromZero_10point10At5PercentIs0point505To0point51()
    {
        var item = Assert.Single(Import(Item("610910", Eur(10.10m))).Assess(schedule: Schedule with { DeMinimis = 0m }).Items);

        Assert.Equal(0.51m, item.Duty);
        Assert.Equal(2.12m, item.Vat);
    }

    [Fact]
    public void PrefersTheDeclaredCustomsValueOverTheItemPrice_1200At5PercentIs60()
    {
        var item = Assert.Single(Import(Item("610910", Eur(1000m)) with { CustomsValue = Eur(1200m) }).Assess().Items);

        Assert.Equal((1200m, 60m), (item.CustomsValue, item.Duty));
    }

    [Fact]
    public void AddsValuationAdjustmentsToTheValue_1000EurPlus100UsdAt0point92Is1092()
    {
        var freight = new ValuationAdjustment { Code = "AK", Amount = Money(100m, "USD") };

        var item = Assert.Single(Import(Item("610910", Eur(1000m)) with { ValuationAdjustments = [freight] }).Assess().Items);

        Assert.Equal((1092m, 54.60m), (item.CustomsValue, item.Duty));
    }

    [Fact]
    public void NumbersItemsBySequenceOrPosition() =>
        Assert.Equal([7, 2], Import(Item("610910", Eur(100m)) with { Sequence = 7 }, Item("610910", Eur(100m))).Assess().Items.Select(i => i.Sequence));
}
