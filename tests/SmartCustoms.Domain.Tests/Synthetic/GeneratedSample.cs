using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.ReferenceData;
using SmartCustoms.Domain.Synthetic;
using SmartCustoms.Domain.Tariffs;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Domain.Tests.Synthetic;

/// <summary>One generated file shared by the statistical tests: large enough for shares to settle, generated once.</summary>
internal static class GeneratedSample
{
    public static SyntheticOptions Options { get; } = new() { Count = 20_000, Seed = 42 };

    public static IReadOnlyList<GeneratedDeclaration> All { get; } = [.. SyntheticDeclarations.Generate(Options)];

    public static IEnumerable<GeneratedDeclaration> Honest => All.Where(g => g.FraudPattern is null);

    public static IEnumerable<GeneratedDeclaration> Imports => All.Where(g => g.Declaration.IsImport);

    /// <summary>The day after the period: every issue date lies in the past, none too old.</summary>
    public static ValidationContext Context { get; } = new()
    {
        Catalog = ReferenceCatalog.Default,
        Now = new DateTimeOffset(Options.Start.AddDays(Options.Days + 1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
    };

    public static TariffSchedule Tariff { get; } = TariffFile.LoadDemo();

    /// <summary>An item's price in EUR per kilogram of declared net mass, at the demo tariff's rates.</summary>
    public static decimal EurPerKg(GoodsItem item)
    {
        var price = item.ItemPrice!;
        var rate = price.Currency == "EUR" ? 1m : Tariff.ExchangeRates.Single(r => r.Currency == price.Currency).Rate;
        return price.Amount!.Value * rate / item.NetMass!.Value;
    }

    public static decimal Median(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
