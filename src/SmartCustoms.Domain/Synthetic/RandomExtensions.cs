namespace SmartCustoms.Domain.Synthetic;

/// <summary>
/// Draws from a seeded <see cref="Random"/>. Synthetic data needs reproducibility, not unpredictability, so the
/// non-cryptographic generator is the right one here.
/// </summary>
internal static class RandomExtensions
{
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static double Between(this Random random, double min, double max) => min + random.NextDouble() * (max - min);

    /// <summary>Spread evenly over orders of magnitude: as many 100-1,000 kg consignments as 1,000-10,000 kg ones.</summary>
    public static double LogUniform(this Random random, double min, double max) =>
        Math.Exp(random.Between(Math.Log(min), Math.Log(max)));

    /// <summary>Multiplicative noise with mean 1: prices scatter around the typical value, never below zero.</summary>
    public static double LogNormal(this Random random, double sigma)
    {
        // Box-Muller; 1 - NextDouble() keeps the logarithm away from zero.
        var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Exp(sigma * z - sigma * sigma / 2);
    }

    public static string Digits(this Random random, int count) =>
        string.Create(count, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('0' + r.Next(10));
            }
        });

    public static string Letters(this Random random, int count) =>
        string.Create(count, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('A' + r.Next(26));
            }
        });
}

/// <summary>Picks items in proportion to their weights by binary search over the running totals.</summary>
internal sealed class WeightedTable<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public WeightedTable(IEnumerable<(T Item, double Weight)> entries)
    {
        var list = entries.Where(e => e.Weight > 0).ToList();
        _items = [.. list.Select(e => e.Item)];
        _cumulative = new double[list.Count];
        double total = 0;
        for (var i = 0; i < list.Count; i++)
        {
            total += list[i].Weight;
            _cumulative[i] = total;
        }
    }

    public int Count => _items.Length;

    public T Pick(Random random)
    {
        if (_items.Length == 0)
        {
            throw new InvalidOperationException("Nothing to pick from: every weight is zero.");
        }

        var target = random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        index = index < 0 ? ~index : index + 1;
        return _items[Math.Min(index, _items.Length - 1)];
    }
}

internal static class WeightedTables
{
    public static WeightedTable<string> Of(IEnumerable<OriginShare> shares) =>
        new(shares.Select(s => (s.Country, (double)s.Weight)));
}
