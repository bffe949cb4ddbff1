using SmartCustoms.Domain.Controls;
using SmartCustoms.Domain.Declarations;

namespace SmartCustoms.Targeting.Tests;

public sealed class InspectionLabelsTests
{
    private static readonly Declaration Import = new()
    {
        Type = "IMA",
        DeclarationOffice = "GB000040",
        Importer = new Party { Id = "GB-IMP-1" },
        Items = [new GoodsItem { Sequence = 1, HsCode = "851010", Origin = "CN", NetMass = 10m, ItemPrice = new Money { Amount = 100m, Currency = "EUR" } }],
    };

    private static readonly DateTimeOffset Accepted = new(2026, 11, 26, 23, 30, 0, TimeSpan.FromHours(-5));

    [Theory]
    [InlineData(false, new FindingCategory[0], false, 0)]
    [InlineData(true, new[] { FindingCategory.Undervaluation }, true, 1)]
    [InlineData(true, new[] { FindingCategory.Quantity, FindingCategory.Origin }, true, 2)]
    [InlineData(true, new[] { FindingCategory.ProhibitedOrRestricted }, true, 2)]
    public void FindingsAreFraudAndProhibitedGoodsOrFalseOriginAreCritical(bool findings, FindingCategory[] categories, bool fraud, int critical)
    {
        var label = InspectionLabels.From(Import, null, Accepted, findings, categories);

        Assert.Equal((fraud, critical), (label.Fraud, label.Critical));
        Assert.Equal(new DateOnly(2026, 11, 27), label.Date);
        Assert.Equal(("GB-IMP-1", "851010"), (label.Record.ImporterId, label.Record.Hs6));
    }
}
