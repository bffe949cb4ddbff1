namespace SmartCustoms.Targeting;

/// <summary>
/// The usual value per kg of each HS code: the median log value per kg over training, at HS6 when the code was seen
/// often enough, else at HS4, else over everything. Prices carry no label, so all training rows count.
/// </summary>
internal sealed class UnitValueReference
{
    // Fewer rows than this give a median too noisy to call anything "unusual".
    public const int MinRows = 3;

    private readonly Dictionary<string, float>.AlternateLookup<ReadOnlySpan<char>> _hs6;
    private readonly Dictionary<string, float>.AlternateLookup<ReadOnlySpan<char>> _hs4;

    public UnitValueReference(Dictionary<string, float> hs6, Dictionary<string, float> hs4, float overall)
    {
        Hs6 = hs6;
        Hs4 = hs4;
        Overall = overall;
        _hs6 = hs6.GetAlternateLookup<ReadOnlySpan<char>>();
        _hs4 = hs4.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public Dictionary<string, float> Hs6 { get; }
    public Dictionary<string, float> Hs4 { get; }
    public float Overall { get; }

    public static UnitValueReference Fit(IEnumerable<TargetingRecord> records)
    {
        var list = records.ToList();
        return new UnitValueReference(Medians(list, r => r.Hs6), Medians(list, r => Histories.Prefix(r.Hs6, 4).ToString()),
            FeatureEncoder.Median(list.Select(r => (float)FeatureEncoder.LogValuePerKg(r))));
    }

    /// <summary>The reference log value per kg; allocation free, for the scoring path.</summary>
    public double ReferenceLog(string hs6) =>
        _hs6.TryGetValue(hs6, out var median) || _hs4.TryGetValue(Histories.Prefix(hs6, 4), out median) ? median : Overall;

    /// <summary>The reference and the HS code it belongs to ("" for the overall median), for explanations.</summary>
    public (double Log, string Level) Reference(string hs6)
    {
        if (_hs6.TryGetValue(hs6, out var median))
        {
            return (median, hs6);
        }

        var hs4 = Histories.Prefix(hs6, 4);
        return _hs4.TryGetValue(hs4, out median) ? (median, hs4.ToString()) : (Overall, "");
    }

    private static Dictionary<string, float> Medians(List<TargetingRecord> records, Func<TargetingRecord, string> key) => records
        .GroupBy(key, StringComparer.Ordinal)
        .Where(g => g.Count() >= MinRows)
        .ToDictionary(g => g.Key, g => FeatureEncoder.Median(g.Select(r => (float)FeatureEncoder.LogValuePerKg(r))), StringComparer.Ordinal);
}
