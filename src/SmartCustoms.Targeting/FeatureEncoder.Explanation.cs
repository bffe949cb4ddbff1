using System.Globalization;

namespace SmartCustoms.Targeting;

public sealed partial class FeatureEncoder
{
    private static readonly int HistoryGroups = Histories.All.Length;
    private const int NumericGroups = 4; // tax rate, net mass, item price, value per kg (level and deviation together)

    /// <summary>Groups of features an explanation talks about: each history, each numeric fact, each categorical field.</summary>
    internal static int ExplanationGroupCount => HistoryGroups + NumericGroups + Categoricals.Length;

    internal static string GroupName(int group) => group switch
    {
        _ when group < HistoryGroups => Histories.Name((History)group) + "_history",
        _ when group == HistoryGroups => "tax_rate",
        _ when group == HistoryGroups + 1 => "net_mass",
        _ when group == HistoryGroups + 2 => "item_price",
        _ when group == HistoryGroups + 3 => "value_per_kg",
        _ => "category_" + Categoricals[group - HistoryGroups - NumericGroups].ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// Replaces one group's features by their neutral value: an unseen key (the prior rate, no inspections), the
    /// training median of a number, the usual value per kg of the HS code, the most common category.
    /// </summary>
    internal void Neutralise(int group, TargetingRecord record, Span<float> features)
    {
        if (group < HistoryGroups)
        {
            var at = group * PerHistory;
            features[at] = (float)FraudPrior;
            features[at + 1] = (float)CriticalPrior;
            features[at + 2] = 0f;
            return;
        }

        switch (group - HistoryGroups)
        {
            case 0: features[TaxRateIndex] = _numericMedians[0]; break;
            case 1: features[NetMassIndex] = _numericMedians[1]; break;
            case 2: features[ItemPriceIndex] = _numericMedians[2]; break;
            case 3:
                features[UnitValueIndex] = (float)_unitValues.ReferenceLog(record.Hs6);
                features[UnitValueDeviationIndex] = 0f;
                break;
            default: features[CategoricalStart + group - HistoryGroups - NumericGroups] = 1f; break;
        }
    }

    /// <summary>An officer-readable sentence about the group, from the record's own values and training history.</summary>
    internal string Describe(int group, TargetingRecord record)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (group < HistoryGroups)
        {
            var history = (History)group;
            var subject = Histories.Subject(history, record);
            var stats = HistoryOf(history, record);
            if (stats.Count == 0)
            {
                return $"{subject}: no past inspections";
            }

            var critical = stats.Critical > 0 ? string.Create(invariant, $", {stats.Critical} critical") : "";
            return string.Create(invariant,
                $"{subject}: past findings in {(double)stats.Fraud / stats.Count:0%} of {stats.Count} inspections{critical}");
        }

        switch (group - HistoryGroups)
        {
            case 0: return string.Create(invariant, $"tax rate {record.TaxRate:0.##}%");
            case 1: return string.Create(invariant, $"net mass {record.NetMass:#,0.##} kg");
            case 2: return string.Create(invariant, $"item price {record.ItemPrice:#,0}");
            case 3:
                var (usual, level) = UsualValuePerKg(record);
                var ratio = Math.Exp(LogValuePerKg(record)) / usual;
                var of = level.Length == 0 ? "all goods" : "HS " + level;
                return string.Create(invariant, $"value per kg {Percent(ratio)} of the usual for {of}");
            default:
                var field = Categoricals[group - HistoryGroups - NumericGroups];
                var value = CategoryValue(field, record);
                return $"{Words(field)} {(value.Length == 0 ? "(none)" : value)}";
        }
    }

    private static string Percent(double ratio) => ratio switch
    {
        >= 10 => string.Create(CultureInfo.InvariantCulture, $"{ratio:0}×"),
        >= 0.1 => string.Create(CultureInfo.InvariantCulture, $"{ratio:0%}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ratio:0.#%}"),
    };

    private static string Words(CategoricalField field) => field switch
    {
        CategoricalField.Office => "office",
        CategoricalField.ProcessType => "process type",
        CategoricalField.ImportType => "import type",
        CategoricalField.ImportUse => "import use",
        CategoricalField.PaymentType => "payment type",
        CategoricalField.TransportMode => "transport mode",
        CategoricalField.TaxType => "tax type",
        CategoricalField.OriginIndicator => "origin indicator",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
