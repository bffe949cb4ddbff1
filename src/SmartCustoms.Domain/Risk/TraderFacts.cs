using System.Collections.Frozen;

namespace SmartCustoms.Domain.Risk;

/// <summary>
/// What the node knows about the trader behind a declaration, from its own history. The risk engine stays pure:
/// the node looks these up and passes them in.
/// </summary>
/// <param name="IsNewTrader">No or very few past declarations at this administration.</param>
/// <param name="IsAeo">
/// Authorised Economic Operator status: true when the declarant or the importer is on the node's AEO register or on a
/// recognised partner's list, valid today; null when not known (the node holds no AEO data).
/// </param>
/// <param name="AeoBasis">Why <paramref name="IsAeo"/> is what it is, for explanations, e.g. "importer SG12345678 is on CN's AEO list (recognised under the agreement)".</param>
public sealed record TraderFacts(bool IsNewTrader, bool? IsAeo, int PastDeclarations, int PastFindings, string? AeoBasis = null)
{
    /// <summary>Nothing known: not flagged as new, AEO status unknown, no history.</summary>
    public static TraderFacts Unknown { get; } = new(false, null, 0, 0);

    /// <summary>Share of past declarations with findings; null without history, so that "no history" never reads as "clean".</summary>
    public decimal? PastFindingRate => PastDeclarations > 0 ? (decimal)PastFindings / PastDeclarations : null;
}

/// <summary>Typical customs value per kilogram of net mass, in national currency, by HS 2022 subheading (6 digits).</summary>
public sealed class ReferencePrices
{
    private readonly FrozenDictionary<string, decimal> _byHs6;
    private readonly FrozenDictionary<string, decimal>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public ReferencePrices(IEnumerable<KeyValuePair<string, decimal>> valuePerKgByHs6)
    {
        ArgumentNullException.ThrowIfNull(valuePerKgByHs6);
        _byHs6 = valuePerKgByHs6.ToFrozenDictionary(StringComparer.Ordinal);
        _bySpan = _byHs6.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static ReferencePrices Empty { get; } = new([]);

    public int Count => _byHs6.Count;

    public bool TryGet(string hs6, out decimal valuePerKg) => _byHs6.TryGetValue(hs6, out valuePerKg);

    /// <summary>Looks up the first six digits of a longer code without cutting a string for it.</summary>
    public bool TryGet(ReadOnlySpan<char> hs6, out decimal valuePerKg) => _bySpan.TryGetValue(hs6, out valuePerKg);
}
