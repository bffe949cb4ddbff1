using SmartCustoms.Domain.Tariffs;
using static SmartCustoms.Domain.Tests.Tariffs.TestTariff;

namespace SmartCustoms.Domain.Tests.Tariffs;

public class SpecificDutyTests
{
    [Fact]
    public void RefusesToAssessDutyPerKilogramWithoutTheNetMass()
    {
        var result = TariffCalculator.Assess(Import(Item("240220", Eur(400m)) with { NetMass = null }), Schedule, Today);

        Assert.Null(result.Assessment);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(("item.net-mass-required", "/items/0/netMass"), (issue.Code, issue.Pointer));
    }

    [Fact]
    public void RefusesToAssessDutyPerUnitWithoutTheQuantity()
    {
        var result = TariffCalculator.Assess(Import(Item("220421", Eur(600m)) with { Quantity = null }), Schedule, Today);

        Assert.Null(result.Assessment);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(("item.quantity-required", "/items/0/quantity"), (issue.Code, issue.Pointer));
    }
}
