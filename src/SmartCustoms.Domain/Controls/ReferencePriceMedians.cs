using SmartCustoms.Domain.Risk;

namespace SmartCustoms.Domain.Controls;

/// <summary>
/// The node's reference prices from its own trade: the median customs value per kg of each HS 2022 subheading
/// over the items lodged. The median rather than the mean, so that the undervalued declarations criteria look
/// for barely move the reference they are compared with.
/// </summary>
public static class ReferencePriceMedians
{
    /// <param name="observations">(HS6, value per kg) pairs; non-positive values are ignored.</param>
    /// <param name="minObservations">Subheadings seen fewer times get no reference price (a criterion on it then does not hit).</param>
    public static ReferencePrices Compute(IEnumerable<KeyValuePair<string, decimal>> observations, int minObservations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentOutOfRangeException.ThrowIfLessThan(minObservations, 1);
        var byHs6 = new Dictionary<string, List<decimal>>(StringComparer.Ordinal);
        foreach (var (hs6, value) in observations)
        {
            if (value <= 0m || hs6 is not { Length: 6 })
            {
                continue;
            }

            if (!byHs6.TryGetValue(hs6, out var values))
            {
                values = [];
                byHs6.Add(hs6, values);
            }

            values.Add(value);
        }

        var medians = new List<KeyValuePair<string, decimal>>(byHs6.Count);
        foreach (var (hs6, values) in byHs6)
        {
            if (values.Count < minObservations)
            {
                continue;
            }

            values.Sort();
            var middle = values.Count / 2;
            var median = values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2m;
            medians.Add(KeyValuePair.Create(hs6, median));
        }

        return new ReferencePrices(medians);
    }
}
