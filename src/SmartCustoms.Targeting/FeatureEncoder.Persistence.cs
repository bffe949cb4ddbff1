using System.Text.Json;

namespace SmartCustoms.Targeting;

public sealed partial class FeatureEncoder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal void Write(Stream stream)
    {
        var state = new EncoderState(
            Smoothing,
            [Total.Count, Total.Fraud, Total.Critical],
            [.. Histories.All.Select(h => new HistoryTable(Histories.Name(h),
                [.. _tables[(int)h].Keys.Order(StringComparer.Ordinal)],
                [.. _tables[(int)h].OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => new[] { p.Value.Count, p.Value.Fraud, p.Value.Critical })]))],
            [.. Categoricals.Select((field, i) => new CategoryTable(field.ToString(), [.. _categories[i].OrderBy(p => p.Value).Select(p => p.Key)]))],
            _unitValues.Hs6, _unitValues.Hs4, _unitValues.Overall, _numericMedians);
        JsonSerializer.Serialize(stream, state, Json);
    }

    /// <summary>Reads what <see cref="Write"/> wrote; <see cref="InvalidDataException"/> when it is anything else.</summary>
    internal static FeatureEncoder Read(Stream stream)
    {
        EncoderState? state;
        try
        {
            state = JsonSerializer.Deserialize<EncoderState>(stream, Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException("the encoder tables are not valid JSON: " + ex.Message, ex);
        }

        if (state is null || state.Total is not { Length: 3 } || state.Histories is null || state.Categories is null
            || state.UnitValueHs6 is null || state.UnitValueHs4 is null || state.NumericMedians is not { Length: 3 })
        {
            throw new InvalidDataException("the encoder tables are incomplete");
        }

        if (!state.Histories.Select(h => h.Name).SequenceEqual(Histories.All.Select(Histories.Name), StringComparer.Ordinal)
            || !state.Categories.Select(c => c.Name).SequenceEqual(Categoricals.Select(c => c.ToString()), StringComparer.Ordinal))
        {
            throw new InvalidDataException("the encoder tables were written for another feature set");
        }

        var tables = state.Histories.Select(ReadTable).ToArray();
        var categories = state.Categories
            .Select(c => (c.Values ?? []).Select((value, i) => (value, Code: i + 1)).ToDictionary(p => p.value, p => p.Code, StringComparer.Ordinal))
            .ToArray();
        var unitValues = new UnitValueReference(new(state.UnitValueHs6, StringComparer.Ordinal),
            new(state.UnitValueHs4, StringComparer.Ordinal), state.UnitValueOverall);
        return new FeatureEncoder(state.Smoothing, new KeyStats(state.Total[0], state.Total[1], state.Total[2]),
            tables, categories, unitValues, state.NumericMedians);
    }

    private static Dictionary<string, KeyStats> ReadTable(HistoryTable table)
    {
        if (table.Keys is null || table.Stats is null || table.Stats.Length != table.Keys.Length * 3)
        {
            throw new InvalidDataException($"the '{table.Name}' history table is malformed");
        }

        var result = new Dictionary<string, KeyStats>(table.Keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < table.Keys.Length; i++)
        {
            result[table.Keys[i]] = new KeyStats(table.Stats[3 * i], table.Stats[3 * i + 1], table.Stats[3 * i + 2]);
        }

        return result;
    }

    private sealed record EncoderState(double Smoothing, int[] Total, HistoryTable[] Histories, CategoryTable[] Categories,
        Dictionary<string, float> UnitValueHs6, Dictionary<string, float> UnitValueHs4, float UnitValueOverall, float[] NumericMedians);

    private sealed record HistoryTable(string Name, string[] Keys, int[] Stats);

    private sealed record CategoryTable(string Name, string[] Values);
}
