namespace SmartCustoms.Domain.Synthetic;

/// <summary>A goods item before it is written down: the truth, which fraud then alters in what gets declared.</summary>
internal sealed class ItemDraft
{
    public required CommodityProfile Profile { get; init; }
    public required string HsCode { get; set; }
    public required string Description { get; set; }
    public required string? Origin { get; set; }
    public required decimal NetKg { get; set; }
    public required decimal EurValue { get; set; }

    /// <summary>What the goods really weigh: containers and packages are counted from it, whatever is declared.</summary>
    public required decimal TrueNetKg { get; init; }
}

/// <summary>Plants one fraud pattern: chooses goods that fit it, then alters what gets declared about them.</summary>
internal static class FraudPlanter
{
    private static readonly string[] VagueDescriptions =
        ["Goods", "General merchandise", "Samples", "Parts", "Gift items", "Household items", "Accessories", "Spare parts"];

    private static readonly WeightedTable<string> Patterns = new(
    [
        (FraudPatterns.Undervaluation, 0.35), (FraudPatterns.Misclassification, 0.2), (FraudPatterns.OriginMisdeclaration, 0.15),
        (FraudPatterns.QuantityUnderstatement, 0.2), (FraudPatterns.ProhibitedGoods, 0.1),
    ]);

    private static readonly WeightedTable<CommodityProfile> WithCheaperNeighbour = new(
        CommodityCatalogue.Profiles.Where(p => p.CheaperHsCode is not null).Select(p => (p, (double)p.Popularity)));

    private static readonly WeightedTable<CommodityProfile> FromChina = new(
        CommodityCatalogue.Profiles.Where(p => p.Origins.Any(IsChina)).Select(p => (p, (double)p.Popularity)));

    /// <summary>A bad trader mostly repeats its own scheme; anyone else picks one by how common it is.</summary>
    public static string ChoosePattern(Trader trader, Random random) =>
        trader.Habit is { } habit && random.Chance(0.7) ? habit : Patterns.Pick(random);

    /// <summary>The main goods of a fraudulent declaration: the trader's own line where it fits the scheme.</summary>
    public static CommodityProfile ChooseGoods(string pattern, Trader trader, Random random)
    {
        IReadOnlyList<CommodityProfile> fitting = pattern switch
        {
            FraudPatterns.Misclassification => [.. trader.ImportLines.Where(p => p.CheaperHsCode is not null)],
            FraudPatterns.OriginMisdeclaration => [.. trader.ImportLines.Where(p => p.Origins.Any(IsChina))],
            FraudPatterns.ProhibitedGoods => [CommodityCatalogue.Find(random.Pick(CommodityCatalogue.CoverCodes))],
            _ => trader.ImportLines,
        };
        return fitting.Count > 0 ? random.Pick(fitting) : pattern switch
        {
            FraudPatterns.Misclassification => WithCheaperNeighbour.Pick(random),
            _ => FromChina.Pick(random),
        };
    }

    /// <summary>True origin of the goods: a scheme to hide Chinese origin needs Chinese goods, unless China is the importer.</summary>
    public static string? TrueOrigin(string? pattern, string? home) =>
        pattern == FraudPatterns.OriginMisdeclaration && home != "CN" ? "CN" : null;

    /// <summary>Alters the declared items in place; returns the declared origin when the scheme changes it.</summary>
    public static string? Apply(string pattern, IReadOnlyList<ItemDraft> items, string? home, Random random)
    {
        switch (pattern)
        {
            case FraudPatterns.Undervaluation:
                var cut = (decimal)random.Between(0.2, 0.5);
                foreach (var item in items)
                {
                    item.EurValue *= cut;
                }

                return null;
            case FraudPatterns.Misclassification:
                var main = items[0];
                main.HsCode = main.Profile.CheaperHsCode ?? main.HsCode;
                main.Description = main.Profile.CheaperDescription ?? main.Description;
                return null;
            case FraudPatterns.OriginMisdeclaration:
                var claimed = random.Pick([.. CommodityCatalogue.PreferentialOrigins.Where(c => c != home && c != items[0].Origin)]);
                foreach (var item in items)
                {
                    item.Origin = claimed;
                }

                return claimed;
            case FraudPatterns.QuantityUnderstatement:
                // Value cut with the mass keeps the unit value plausible; only the boxes and mirror data give it away.
                var share = (decimal)random.Between(0.4, 0.7);
                foreach (var item in items)
                {
                    item.NetKg *= share;
                    item.EurValue *= share;
                }

                return null;
            case FraudPatterns.ProhibitedGoods:
                var cover = items[0];
                cover.Description = random.Pick(VagueDescriptions);
                cover.EurValue *= (decimal)random.Between(0.2, 0.5);
                return null;
            default:
                throw new ArgumentOutOfRangeException(nameof(pattern), pattern, "Unknown fraud pattern.");
        }
    }

    private static bool IsChina(OriginShare share) => string.Equals(share.Country, "CN", StringComparison.Ordinal);
}
