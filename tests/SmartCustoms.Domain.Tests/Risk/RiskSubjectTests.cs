using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.ReferenceData;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Domain.Tariffs;
using SmartCustoms.Domain.Validation;
using static SmartCustoms.Domain.Tests.Risk.RiskFixtures;

namespace SmartCustoms.Domain.Tests.Risk;

public class RiskSubjectTests
{
    [Theory]
    [InlineData("GB000040", "GB000050", "GB000060", "GB000040")]
    [InlineData(null, "GB000050", "GB000060", "GB000050")]
    [InlineData(null, null, "GB000060", "GB000060")]
    [InlineData(null, null, null, "")]
    public void TakesTheOfficeFromDeclarationThenSupervisingThenExitOffice(string? declaration, string? supervising, string? exit, string expected) =>
        Assert.Equal(expected, Subject(LaptopsAndShirts() with { DeclarationOffice = declaration, SupervisingOffice = supervising, ExitOffice = exit }).Office);

    [Fact]
    public void DerivesHsPrefixesValuePerKgAndGrossNetRatioPerItem()
    {
        var item = Subject(Import(Item(1, "8471300000", "CN", 2000m, 20m, grossMass: 25m))).Items[0];

        Assert.Equal(("847130", "8471", "84"), (item.Hs6, item.Hs4, item.Hs2));
        Assert.Equal((2000m, 100m, 1.25m), (item.CustomsValue, item.ValuePerKg, item.GrossNetRatio));
    }

    [Fact]
    public void ComparesValuePerKgWithTheReferencePriceOfTheSubheading()
    {
        var prices = new ReferencePrices([new("847130", 400m)]);

        var items = Subject(LaptopsAndShirts(), prices: prices).Items;

        Assert.Equal(0.25m, items[0].UnitPriceRatio);
        Assert.Null(items[1].UnitPriceRatio);
    }

    [Fact]
    public void TakesCustomsValuesFromTheDutyAssessmentWhenGiven()
    {
        var duties = new DutyAssessment
        {
            Currency = "GBP",
            TariffDate = Today,
            TariffName = "test",
            ExchangeRate = 0.8m,
            TotalCustomsValue = 2500m,
            TotalDuty = 0m,
            TotalVat = 0m,
            DeMinimisApplied = false,
            Items = [Duty(1, 1600m), Duty(2, 900m)],
        };

        var subject = RiskSubject.Create(LaptopsAndShirts(), Today, duties: duties);

        Assert.Equal((1600m, 80m, 2500m), (subject.Items[0].CustomsValue, subject.Items[0].ValuePerKg, subject.TotalCustomsValue));
    }

    [Fact]
    public void ConvertsItemPricesWithTheDeclaredExchangeRateWithoutDuties()
    {
        var subject = Subject(LaptopsAndShirts() with { ExchangeRate = 0.5m });

        Assert.Equal((1000m, 1500m), (subject.Items[0].CustomsValue, subject.TotalCustomsValue));
    }

    [Fact]
    public void LeavesRatiosMissingWhenNetMassIsZeroOrMissing()
    {
        var items = Subject(Import(Item(1, "8471300000", "CN", 2000m, 0m), Item(2, "8471300000", "CN", 2000m, 1m) with { NetMass = null })).Items;

        Assert.All(items, i => Assert.Null(i.ValuePerKg));
        Assert.All(items, i => Assert.Null(i.GrossNetRatio));
    }

    [Fact]
    public void DerivesTheSameRatiosWhenReadFromSeveralThreads()
    {
        var prices = new ReferencePrices([new("847130", 300m)]);
        var subjects = Enumerable.Range(0, 200).Select(_ => Subject(Import(Item(1, "8471300000", "CN", 2000m, 30m, grossMass: 31m)), prices: prices)).ToArray();

        // Each subject is read twice, by whichever of two threads gets it: every read must see the whole, exact value.
        var reads = subjects.AsParallel().WithDegreeOfParallelism(2).SelectMany(s => new[] { s, s }).Select(s => s.Items[0])
            .Select(i => (i.UnitPriceRatio, i.ValuePerKg, i.GrossNetRatio)).Distinct().ToArray();

        Assert.Equal([(2000m / 30m / 300m, 2000m / 30m, 31m / 30m)], reads);
    }

    [Fact]
    public void AnItemBuiltDirectlyHasTheRatiosItWasGiven()
    {
        var given = new RiskItem { Sequence = 1, CustomsValue = 100m, NetMass = 4m, GrossMass = 5m, ValuePerKg = 7m };

        Assert.Equal((7m, null, null), (given.ValuePerKg, given.UnitPriceRatio, given.GrossNetRatio));
    }

    [Fact]
    public void FlagsAContainerCheckDigitFailureFromTheValidatorsWarning()
    {
        var declaration = LaptopsAndShirts() with { Transport = new Transport { ModeAtBorder = "1", Containers = [new Container { Id = "MSCU6639871" }] } };
        var issues = DeclarationValidator.Validate(declaration, new ValidationContext { Catalog = ReferenceCatalog.Default, Now = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero) });

        Assert.True(RiskSubject.Create(declaration, Today, issues: issues.Warnings).ContainerCheckDigitFailed);
        Assert.False(RiskSubject.Create(LaptopsAndShirts(), Today, issues: []).ContainerCheckDigitFailed);
    }

    [Fact]
    public void CollectsPartiesRoutingAndContainersOnce()
    {
        var subject = Subject(LaptopsAndShirts() with { Transport = new Transport { Containers = [new Container { Id = " csqu3054383 " }] } });

        Assert.Equal(("GB123456789000", "GB987654321000", "CN", null), (subject.DeclarantId, subject.ImporterId, subject.ExporterCountry, subject.ExporterId));
        Assert.Equal(["CN", "SG", "GB"], subject.RoutingCountries);
        Assert.Equal(["CSQU3054383"], subject.Containers);
    }

    [Fact]
    public void HasNoPastFindingRateWithoutHistory()
    {
        Assert.Null(TraderFacts.Unknown.PastFindingRate);
        Assert.Equal(0.1m, new TraderFacts(false, true, 50, 5).PastFindingRate);
    }

    private static ItemDuty Duty(int sequence, decimal value) => new()
    {
        Sequence = sequence,
        HsCode = "x",
        CustomsValue = value,
        DutyBasis = DutyBasis.AdValorem,
        DutyRate = 0m,
        Duty = 0m,
        VatBase = value,
        VatRate = 0m,
        Vat = 0m,
    };
}
