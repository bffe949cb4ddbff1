using SmartCustoms.Domain.Risk;

namespace SmartCustoms.Benchmarks.Risk;

/// <summary>
/// The flat input Microsoft RulesEngine evaluates: the same facts as <see cref="RiskSubject"/> (derived by it, so
/// both engines see identical values), as plain public properties that its Dynamic LINQ expressions can read.
/// </summary>
public sealed class RuleInput
{
    public string? ExportCountry { get; init; }
    public string? TransportMode { get; init; }
    public string? DeclarantId { get; init; }
    public string? ImporterId { get; init; }
    public IReadOnlyList<string> RoutingCountries { get; init; } = [];
    public decimal? TotalCustomsValue { get; init; }
    public bool NewTrader { get; init; }
    public IReadOnlyList<RuleItem> Items { get; init; } = [];

    public static RuleInput From(RiskSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var items = new RuleItem[subject.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var item = subject.Items[i];
            items[i] = new RuleItem
            {
                HsCode = item.HsCode,
                Origin = item.Origin,
                CustomsValue = item.CustomsValue,
                ValuePerKg = item.ValuePerKg,
                UnitPriceRatio = item.UnitPriceRatio,
            };
        }

        return new RuleInput
        {
            ExportCountry = subject.ExportCountry,
            TransportMode = subject.TransportMode,
            DeclarantId = subject.DeclarantId,
            ImporterId = subject.ImporterId,
            RoutingCountries = subject.RoutingCountries,
            TotalCustomsValue = subject.TotalCustomsValue,
            NewTrader = subject.Trader.IsNewTrader,
            Items = items,
        };
    }
}

/// <summary>One goods item of <see cref="RuleInput"/>.</summary>
public sealed class RuleItem
{
    public string? HsCode { get; init; }
    public string? Origin { get; init; }
    public decimal? CustomsValue { get; init; }
    public decimal? ValuePerKg { get; init; }
    public decimal? UnitPriceRatio { get; init; }
}
