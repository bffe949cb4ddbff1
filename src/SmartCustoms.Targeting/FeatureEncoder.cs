using System.Runtime.InteropServices;

namespace SmartCustoms.Targeting;

/// <summary>The small categorical fields, encoded as ordinals by training frequency (1 = most common, 0 = unseen).</summary>
public enum CategoricalField
{
    Office,
    ProcessType,
    ImportType,
    ImportUse,
    PaymentType,
    TransportMode,
    TaxType,
    OriginIndicator,
}

/// <summary>
/// Turns a <see cref="TargetingRecord"/> into the model's feature vector. One code path (<see cref="EncodeCore"/>)
/// serves training and scoring: at training it reads out-of-fold history tables, so that no row's features see its
/// own label; at scoring it reads the tables of the whole training set, frozen in the model.
/// </summary>
public sealed partial class FeatureEncoder
{
    private const int PerHistory = 3;
    private const double MassFloorKg = 0.1;

    // Layout: three features per history, then the numeric block, then the categorical ordinals.
    private static readonly int NumericStart = Histories.All.Length * PerHistory;
    private static readonly int TaxRateIndex = NumericStart;
    private static readonly int NetMassIndex = NumericStart + 1;
    private static readonly int ItemPriceIndex = NumericStart + 2;
    private static readonly int UnitValueIndex = NumericStart + 3;
    private static readonly int UnitValueDeviationIndex = NumericStart + 4;
    private static readonly int CategoricalStart = NumericStart + 5;
    private static readonly CategoricalField[] Categoricals = Enum.GetValues<CategoricalField>();

    /// <summary>Number of features every record is encoded into.</summary>
    public static readonly int FeatureCount = CategoricalStart + Categoricals.Length;

    private readonly Dictionary<string, KeyStats>[] _tables;
    private readonly Dictionary<string, KeyStats>.AlternateLookup<ReadOnlySpan<char>>[] _lookups;
    private readonly Dictionary<string, int>[] _categories;
    private readonly UnitValueReference _unitValues;
    private readonly float[] _numericMedians;

    private FeatureEncoder(double smoothing, KeyStats total, Dictionary<string, KeyStats>[] tables, Dictionary<string, int>[] categories,
        UnitValueReference unitValues, float[] numericMedians)
    {
        Smoothing = smoothing;
        Total = total;
        _tables = tables;
        _lookups = [.. tables.Select(t => t.GetAlternateLookup<ReadOnlySpan<char>>())];
        _categories = categories;
        _unitValues = unitValues;
        _numericMedians = numericMedians;
    }

    /// <summary>Weight, in inspections, of the global rate in a key's smoothed rate: a key seen 10 times is half its own rate at the default.</summary>
    public double Smoothing { get; }

    /// <summary>All training rows together.</summary>
    public KeyStats Total { get; }

    public double FraudPrior => Rate(Total.Fraud, Total.Count);
    public double CriticalPrior => Rate(Total.Critical, Total.Count);

    public static IReadOnlyList<string> FeatureNames { get; } = BuildFeatureNames();

    /// <summary>Encodes with the whole training set's tables, as a deployed model does.</summary>
    public void Encode(TargetingRecord record, Span<float> features)
    {
        var stats = new FrozenStats(this);
        EncodeCore(record, features, ref stats);
    }

    /// <summary>The training inspections of <paramref name="record"/>'s key for one history.</summary>
    public KeyStats HistoryOf(History history, TargetingRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Span<char> buffer = stackalloc char[Histories.MaxKeyLength];
        return _lookups[(int)history].TryGetValue(Histories.Key(history, record, buffer), out var stats) ? stats : default;
    }

    /// <summary>The usual value per kg for the record's HS code (median over training), and the level it was found at.</summary>
    public (double ValuePerKg, string Hs) UsualValuePerKg(TargetingRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var (log, level) = _unitValues.Reference(record.Hs6);
        return (Math.Exp(log), level);
    }

    /// <summary>
    /// Fits the tables on <paramref name="rows"/> and encodes each row out of fold: rows are dealt into
    /// <paramref name="folds"/> folds by a permutation drawn from <paramref name="seed"/>, and a row's history
    /// features (and the prior they shrink toward) come from the other folds only.
    /// </summary>
    public static OutOfFoldEncoding FitOutOfFold(IReadOnlyList<LabelledRecord> rows, int folds, int seed, double smoothing)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var encoder = Fit(rows, smoothing);
        var fold = AssignFolds(rows.Count, folds, seed);
        var foldTables = new Dictionary<string, KeyStats>.AlternateLookup<ReadOnlySpan<char>>[folds][];
        var foldTotals = new KeyStats[folds];
        for (var f = 0; f < folds; f++)
        {
            var tables = NewTables();
            for (var i = 0; i < rows.Count; i++)
            {
                if (fold[i] == f)
                {
                    AddToTables(tables, rows[i]);
                    foldTotals[f] += KeyStats.Of(rows[i]);
                }
            }

            foldTables[f] = [.. tables.Select(t => t.GetAlternateLookup<ReadOnlySpan<char>>())];
        }

        var features = new float[rows.Count][];
        // The out-of-fold tables hold (folds-1)/folds of the data; counts are scaled back so that their
        // distribution matches what the frozen tables give at scoring.
        var countScale = folds / (folds - 1.0);
        for (var i = 0; i < rows.Count; i++)
        {
            var stats = new OutOfFoldStats(encoder, foldTables[fold[i]], foldTotals[fold[i]], countScale);
            features[i] = new float[FeatureCount];
            encoder.EncodeCore(rows[i].Record, features[i], ref stats);
        }

        return new OutOfFoldEncoding(encoder, features, fold);
    }

    /// <summary>The frozen encoder of <paramref name="rows"/>: every table over all of them.</summary>
    public static FeatureEncoder Fit(IReadOnlyList<LabelledRecord> rows, double smoothing)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("no training rows", nameof(rows));
        }

        var tables = NewTables();
        var total = default(KeyStats);
        foreach (var row in rows)
        {
            AddToTables(tables, row);
            total += KeyStats.Of(row);
        }

        var categories = Categoricals.Select(field => rows
                .GroupBy(r => CategoryValue(field, r.Record), StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select((g, i) => (g.Key, Code: i + 1))
                .ToDictionary(p => p.Key, p => p.Code, StringComparer.Ordinal))
            .ToArray();
        var unitValues = UnitValueReference.Fit(rows.Select(r => r.Record));
        float[] medians =
        [
            Median(rows.Select(r => (float)r.Record.TaxRate)),
            Median(rows.Select(r => (float)double.LogP1(r.Record.NetMass))),
            Median(rows.Select(r => (float)double.LogP1(r.Record.ItemPrice))),
        ];
        return new FeatureEncoder(smoothing, total, tables, categories, unitValues, medians);
    }

    private static int[] AssignFolds(int count, int folds, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        var fold = new int[count];
        for (var position = 0; position < count; position++)
        {
            fold[order[position]] = position % folds;
        }

        return fold;
    }

    private static Dictionary<string, KeyStats>[] NewTables() =>
        [.. Histories.All.Select(_ => new Dictionary<string, KeyStats>(StringComparer.Ordinal))];

    private static void AddToTables(Dictionary<string, KeyStats>[] tables, LabelledRecord row)
    {
        Span<char> buffer = stackalloc char[Histories.MaxKeyLength];
        var stats = KeyStats.Of(row);
        foreach (var history in Histories.All)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(tables[(int)history],
                Histories.Key(history, row.Record, buffer).ToString(), out _);
            slot += stats;
        }
    }

    /// <summary>The one encoding path. <typeparamref name="TStats"/> is a struct so that the JIT specialises it: no virtual call per key.</summary>
    private void EncodeCore<TStats>(TargetingRecord record, Span<float> features, ref TStats stats)
        where TStats : struct, IHistorySource
    {
        ArgumentNullException.ThrowIfNull(record);
        if (features.Length < FeatureCount)
        {
            throw new ArgumentException($"needs room for {FeatureCount} features", nameof(features));
        }

        Span<char> buffer = stackalloc char[Histories.MaxKeyLength];
        var total = stats.Total;
        var prior = Rate(total.Fraud, total.Count);
        var criticalPrior = Rate(total.Critical, total.Count);
        for (var h = 0; h < Histories.All.Length; h++)
        {
            var key = Histories.Key((History)h, record, buffer);
            var found = stats.Find(h, key);
            var at = h * PerHistory;
            features[at] = (float)((found.Fraud + Smoothing * prior) / (found.Count + Smoothing));
            features[at + 1] = (float)((found.Critical + Smoothing * criticalPrior) / (found.Count + Smoothing));
            features[at + 2] = (float)double.LogP1(found.Count * stats.CountScale);
        }

        var logUnitValue = LogValuePerKg(record);
        features[TaxRateIndex] = (float)record.TaxRate;
        features[NetMassIndex] = (float)double.LogP1(record.NetMass);
        features[ItemPriceIndex] = (float)double.LogP1(record.ItemPrice);
        features[UnitValueIndex] = (float)logUnitValue;
        features[UnitValueDeviationIndex] = (float)(logUnitValue - _unitValues.ReferenceLog(record.Hs6));
        for (var c = 0; c < Categoricals.Length; c++)
        {
            features[CategoricalStart + c] = _categories[c].TryGetValue(CategoryValue(Categoricals[c], record), out var code) ? code : 0;
        }
    }

    internal static double LogValuePerKg(TargetingRecord record) =>
        Math.Log((record.ItemPrice + 1.0) / Math.Max(record.NetMass, MassFloorKg));

    private static string CategoryValue(CategoricalField field, TargetingRecord record) => field switch
    {
        CategoricalField.Office => record.Office,
        CategoricalField.ProcessType => record.ProcessType,
        CategoricalField.ImportType => record.ImportType,
        CategoricalField.ImportUse => record.ImportUse,
        CategoricalField.PaymentType => record.PaymentType,
        CategoricalField.TransportMode => record.TransportMode,
        CategoricalField.TaxType => record.TaxType,
        CategoricalField.OriginIndicator => record.OriginIndicator,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private static double Rate(int part, int count) => count == 0 ? 0.0 : (double)part / count;

    internal static float Median(IEnumerable<float> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0f : sorted[sorted.Length / 2];
    }

    private static string[] BuildFeatureNames()
    {
        var names = new List<string>();
        foreach (var history in Histories.All)
        {
            var name = Histories.Name(history);
            names.AddRange([name + "_fraud_rate", name + "_critical_rate", name + "_log_count"]);
        }

        names.AddRange(["tax_rate", "log_net_mass", "log_item_price", "log_value_per_kg", "value_per_kg_vs_hs_median"]);
        names.AddRange(Categoricals.Select(c => "category_" + c.ToString().ToLowerInvariant()));
        return [.. names];
    }

    private interface IHistorySource
    {
        KeyStats Total { get; }
        double CountScale { get; }
        KeyStats Find(int history, ReadOnlySpan<char> key);
    }

    private readonly struct FrozenStats(FeatureEncoder encoder) : IHistorySource
    {
        public KeyStats Total => encoder.Total;
        public double CountScale => 1.0;

        public KeyStats Find(int history, ReadOnlySpan<char> key) =>
            encoder._lookups[history].TryGetValue(key, out var stats) ? stats : default;
    }

    /// <summary>The whole table minus the row's own fold.</summary>
    private readonly struct OutOfFoldStats(FeatureEncoder encoder, Dictionary<string, KeyStats>.AlternateLookup<ReadOnlySpan<char>>[] fold,
        KeyStats foldTotal, double countScale) : IHistorySource
    {
        public KeyStats Total => encoder.Total - foldTotal;
        public double CountScale => countScale;

        public KeyStats Find(int history, ReadOnlySpan<char> key)
        {
            var all = encoder._lookups[history].TryGetValue(key, out var stats) ? stats : default;
            return fold[history].TryGetValue(key, out var own) ? all - own : all;
        }
    }
}

/// <summary>Training features encoded out of fold, with the frozen encoder for scoring and each row's fold.</summary>
public sealed record OutOfFoldEncoding(FeatureEncoder Encoder, IReadOnlyList<float[]> Features, IReadOnlyList<int> Folds);
