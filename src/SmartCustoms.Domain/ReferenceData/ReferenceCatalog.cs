using System.Collections.Frozen;

namespace SmartCustoms.Domain.ReferenceData;

/// <summary>
/// HS 2022, ISO 3166-1, ISO 4217 and UN/LOCODE, loaded once from the CSVs embedded in this assembly.
/// Lookups are ordinal and exact: codes are upper case by standard, and accepting variants here would let
/// malformed declarations through. Provenance and trimming of the data: ReferenceData/Data/NOTICE.md.
/// </summary>
public sealed class ReferenceCatalog
{
    private static readonly Lazy<ReferenceCatalog> Instance = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, HsEntry> hs;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> subheadings;
    private readonly FrozenDictionary<string, Country> countries;
    private readonly FrozenDictionary<string, Currency> currencies;
    private readonly LocationIndex locations;

    private ReferenceCatalog(
        FrozenDictionary<string, HsEntry> hs,
        FrozenDictionary<string, Country> countries,
        FrozenDictionary<string, Currency> currencies,
        LocationIndex locations)
    {
        this.hs = hs;
        var subheadingSet = hs.Values.Where(e => e.Level == 6).Select(e => e.Code).ToFrozenSet(StringComparer.Ordinal);
        subheadings = subheadingSet.GetAlternateLookup<ReadOnlySpan<char>>();
        HsSubheadingCount = subheadingSet.Count;
        this.countries = countries;
        this.currencies = currencies;
        this.locations = locations;
    }

    public static ReferenceCatalog Default => Instance.Value;

    public int HsSubheadingCount { get; }
    public int CountryCount => countries.Count;
    public int CurrencyCount => currencies.Count;
    public int LocationCount => locations.Count;

    /// <summary>The HS 2022 chapter, heading or subheading with exactly this 2, 4 or 6 digit code.</summary>
    public HsEntry? FindHs(string? code) => code is not null && hs.TryGetValue(code, out var entry) ? entry : null;

    /// <summary>
    /// True for an existing HS 2022 subheading, or an 8 or 10 digit national tariff code extending one.
    /// National digits beyond the sixth are not checked: they belong to each administration's own tariff.
    /// </summary>
    public bool IsValidTariffCode(string? code)
    {
        if (code is null || code.Length is not (6 or 8 or 10))
        {
            return false;
        }
        // ASCII only: char.IsDigit would let Arabic-Indic or full-width digits through to storage.
        foreach (var c in code)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return subheadings.Contains(code.AsSpan(0, 6));
    }

    public Country? FindCountry(string? alpha2) =>
        alpha2 is not null && countries.TryGetValue(alpha2, out var country) ? country : null;

    public bool IsCountry(string? alpha2) => alpha2 is not null && countries.ContainsKey(alpha2);

    /// <summary>A current ISO 4217 currency; withdrawn codes (DEM, FRF...) are not known.</summary>
    public Currency? FindCurrency(string? code) =>
        code is not null && currencies.TryGetValue(code, out var currency) ? currency : null;

    public bool IsCurrency(string? code) => code is not null && currencies.ContainsKey(code);

    /// <summary>A UN/LOCODE written as one five-character code, e.g. <c>NLRTM</c>.</summary>
    public Location? FindLocation(string? unlocode) => unlocode is null ? null : locations.Find(unlocode);

    public bool IsLocation(string? unlocode) => unlocode is not null && locations.Contains(unlocode);

    private static ReferenceCatalog Load()
    {
        var hs = new Dictionary<string, HsEntry>(StringComparer.Ordinal);
        CsvLines.ForEachRow("hs2022.csv", "hscode,description,level", (ref CsvFields f) =>
        {
            var entry = new HsEntry(f.NextString(), f.NextString(), CsvLines.ParseInt(f.Next()));
            hs.Add(entry.Code, entry);
        });

        var currencies = new Dictionary<string, Currency>(StringComparer.Ordinal);
        CsvLines.ForEachRow("currencies.csv", "code,numeric,minorunit,name", (ref CsvFields f) =>
        {
            var code = f.NextString();
            var numeric = f.NextString();
            var minor = f.Next();
            var minorUnit = minor is "-" ? -1 : CsvLines.ParseInt(minor);
            currencies.Add(code, new Currency(code, numeric, minorUnit, f.NextString()));
        });

        var countries = new Dictionary<string, Country>(StringComparer.Ordinal);
        CsvLines.ForEachRow("countries.csv", "alpha2,alpha3,numeric,name,currency", (ref CsvFields f) =>
        {
            // Strings are taken verbatim: "NA" is Namibia, and an empty currency is the only "missing" value.
            var country = new Country(f.NextString(), f.NextString(), f.NextString(), f.NextString(), null);
            var currency = f.Next();
            countries.Add(country.Alpha2, currency.IsEmpty ? country : country with { Currency = currency.ToString() });
        });

        return new ReferenceCatalog(
            hs.ToFrozenDictionary(StringComparer.Ordinal),
            countries.ToFrozenDictionary(StringComparer.Ordinal),
            currencies.ToFrozenDictionary(StringComparer.Ordinal),
            LocationIndex.Load());
    }
}
