using SmartCustoms.Domain.Declarations;

namespace SmartCustoms.Domain.Tests.Validation;

public class ItemRuleTests
{
    [Fact]
    public void RejectsGrossMassBelowNetMass() =>
        ValidDeclarations.Import().WithFirstItem(i => i with { NetMass = 20m, GrossMass = 19.999m })
            .Validate().AssertOnlyError("mass.gross-below-net", "/items/0/grossMass");

    [Fact]
    public void AcceptsGrossMassEqualToNetMassAndZeroMass() =>
        ValidDeclarations.Import().WithFirstItem(i => i with { NetMass = 0m, GrossMass = 0m })
            .Validate().AssertClean();

    [Theory]
    [InlineData("net mass", "/items/0/netMass")]
    [InlineData("gross mass", "/items/0/grossMass")]
    [InlineData("quantity", "/items/0/quantity")]
    [InlineData("customs value", "/items/0/customsValue/amount")]
    [InlineData("statistical value", "/items/0/statisticalValue/amount")]
    [InlineData("adjustment", "/items/0/valuationAdjustments/0/amount/amount")]
    [InlineData("package count", "/items/0/packages/0/quantity")]
    [InlineData("total gross mass", "/totalGrossMass")]
    [InlineData("total packages", "/totalPackageQuantity")]
    [InlineData("exchange rate", "/exchangeRate")]
    public void RejectsNegativeAmount(string field, string pointer) =>
        Break(field, -1m).Validate().AssertOnlyError("out-of-range", pointer);

    [Theory]
    [InlineData("net mass", "/items/0/netMass")]
    [InlineData("quantity", "/items/0/quantity")]
    [InlineData("customs value", "/items/0/customsValue/amount")]
    [InlineData("total gross mass", "/totalGrossMass")]
    [InlineData("exchange rate", "/exchangeRate")]
    public void RejectsAbsurdlyLargeAmount(string field, string pointer) =>
        Break(field, 1_000_000_000_000.01m).Validate().AssertOnlyError("out-of-range", pointer);

    [Fact]
    public void AcceptsAmountsUpToOneTrillion() =>
        (ValidDeclarations.Import() with { TotalGrossMass = 1_000_000_000_000m })
            .WithFirstItem(i => i with { Quantity = 1_000_000_000_000m, QuantityUnit = "NAR" })
            .Validate().AssertClean();

    [Fact]
    public void RejectsZeroExchangeRate() =>
        (ValidDeclarations.Import() with { ExchangeRate = 0m }).Validate().AssertOnlyError("out-of-range", "/exchangeRate");

    [Theory]
    [InlineData(1, 1, "/items/1/sequence")]
    [InlineData(0, 2, "/items/0/sequence")]
    [InlineData(1, 1000, "/items/1/sequence")]
    public void RejectsRepeatedOrOutOfRangeItemSequence(int first, int second, string pointer)
    {
        var import = ValidDeclarations.Import();
        var broken = import with { Items = [import.Items[0] with { Sequence = first }, import.Items[1] with { Sequence = second }] };

        broken.Validate().AssertOnlyError("item.sequence-invalid", pointer);
    }

    [Theory]
    [InlineData("847130")]
    [InlineData("84713000")]
    [InlineData("8471300000")]
    [InlineData("010121")]
    public void AcceptsHsSubheadingAndItsNationalExtensions(string hs) =>
        ValidDeclarations.Import().WithFirstItem(i => i with { HsCode = hs }).Validate().AssertClean();

    [Theory]
    [InlineData("8471")]
    [InlineData("8471300")]
    [InlineData("847130000")]
    [InlineData("84713000000")]
    [InlineData("999999")]
    [InlineData("847199")]
    [InlineData("8471.30")]
    [InlineData("84713O")]
    [InlineData("٨٤٧١٣٠")]
    public void RejectsCommodityCodeThatIsNotAnHsSubheading(string hs) =>
        ValidDeclarations.Import().WithFirstItem(i => i with { HsCode = hs }).Validate().AssertOnlyError("hs.unknown", "/items/0/hsCode");

    [Theory]
    [InlineData("4", "/items/0/procedureCode")]
    [InlineData("4O", "/items/0/procedureCode")]
    [InlineData("400", "/items/0/procedureCode")]
    public void RejectsProcedureCodeThatIsNotTwoDigits(string code, string pointer) =>
        ValidDeclarations.Import().WithFirstItem(i => i with { ProcedureCode = code }).Validate().AssertOnlyError("procedure.invalid", pointer);

    [Fact]
    public void RejectsTransportModeOutsideOneToNine() =>
        ValidDeclarations.Import().WithTransport(t => t with { ModeAtBorder = "0" })
            .Validate().AssertOnlyError("transport.mode-invalid", "/transport/modeAtBorder");

    private static Declaration Break(string field, decimal value)
    {
        var import = ValidDeclarations.Import();
        return field switch
        {
            "net mass" => import.WithFirstItem(i => i with { NetMass = value, GrossMass = null }),
            "gross mass" => import.WithFirstItem(i => i with { GrossMass = value, NetMass = null }),
            "quantity" => import.WithFirstItem(i => i with { Quantity = value }),
            "customs value" => import.WithFirstItem(i => i with { CustomsValue = ValidDeclarations.Usd(value) }),
            "statistical value" => import.WithFirstItem(i => i with { StatisticalValue = ValidDeclarations.Usd(value) }),
            "adjustment" => import.WithFirstItem(i => i with { ValuationAdjustments = [new ValuationAdjustment { Code = "AK", Amount = ValidDeclarations.Usd(value) }] }),
            "package count" => import.WithFirstItem(i => i with { Packages = [new Package { Type = "CT", Quantity = (int)value }] }),
            "total gross mass" => import with { TotalGrossMass = value },
            "total packages" => import with { TotalPackageQuantity = (int)value },
            "exchange rate" => import with { ExchangeRate = value },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
    }
}
