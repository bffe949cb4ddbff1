using System.Globalization;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.ReferenceData;

namespace SmartCustoms.Domain.Synthetic;

/// <summary>Whoever lodges: a customs broker or the trader itself. Its LRNs are its own code and running number.</summary>
internal sealed class Declarant(Party party, string code)
{
    private int _lodged;

    public Party Party { get; } = party;

    // Code and running number alone make the LRN unique; the date only makes it look like a trader's reference.
    public string NextLrn(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{code}-{date:yyMMdd}-{++_lodged:D6}");
}

/// <summary>A domestic trader with stable habits: what it buys, from whom, who declares for it, how honest it is.</summary>
internal sealed class Trader
{
    public required int Index { get; init; }
    public required Party Party { get; init; }
    public required Declarant DeclaredBy { get; init; }
    public required IReadOnlyList<CommodityProfile> ImportLines { get; init; }
    public required CommodityProfile ExportLine { get; init; }
    public required double Volume { get; init; }

    /// <summary>Relative likelihood that a declaration of this trader carries fraud.</summary>
    public required double Risk { get; init; }

    /// <summary>The scheme a bad trader keeps coming back to.</summary>
    public string? Habit { get; init; }
    public int FirstDay { get; init; }
    public bool Aeo { get; init; }
}

/// <summary>
/// The traders of the synthetic country and their foreign partners. A few bad traders carry much of the fraud and
/// new traders arrive during the period, so that trader history carries signal, as it does in real data.
/// </summary>
internal sealed class TraderPopulation
{
    private readonly Trader[] _traders;
    private readonly Dictionary<string, Party[]> _foreign = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _countryIndex = new(StringComparer.Ordinal);
    private int _day = -1;
    private WeightedTable<Trader> _honest = null!;
    private WeightedTable<Trader> _fraudulent = null!;

    public TraderPopulation(Random random, SyntheticOptions options)
    {
        var home = options.Country;
        var traderCount = Math.Clamp(options.Count / 40, 30, 20_000);
        var brokers = new WeightedTable<Declarant>(Enumerable.Range(0, Math.Clamp(traderCount / 12, 4, 400)).Select(b =>
            (new Declarant(new Party { Id = Eori(random, home), Name = CompanyNames.Create(random, home) + " Customs Services" },
                string.Create(CultureInfo.InvariantCulture, $"B{b:D3}")), 1.0 / (b + 1))));
        var lines = new WeightedTable<CommodityProfile>(CommodityCatalogue.Profiles.Select(p => (p, (double)p.Popularity)));
        var exportLines = new WeightedTable<CommodityProfile>(CommodityCatalogue.Profiles.Where(p => p.Exported).Select(p => (p, (double)p.Popularity)));
        var homeCities = Geography.Find(home)?.Cities ?? Geography.HomeCities;
        var homeCountry = ReferenceCatalog.Default.IsCountry(home) ? home : null;

        _traders = new Trader[traderCount];
        for (var i = 0; i < traderCount; i++)
        {
            var isNew = options.Days >= 4 && random.Chance(0.12);
            var isBad = random.Chance(0.05);
            var isAeo = !isBad && !isNew && random.Chance(0.15);
            var party = new Party
            {
                Id = Eori(random, home),
                Name = CompanyNames.Create(random, home),
                Address = new Address
                {
                    Line = CompanyNames.Street(random),
                    City = random.Pick(homeCities),
                    Postcode = random.Digits(5),
                    Country = homeCountry,
                },
            };
            _traders[i] = new Trader
            {
                Index = i,
                Party = party,
                DeclaredBy = random.Chance(0.7) ? brokers.Pick(random)
                    : new Declarant(new Party { Id = party.Id, Name = party.Name }, string.Create(CultureInfo.InvariantCulture, $"T{i:D5}")),
                ImportLines = [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => lines.Pick(random)).Distinct()],
                ExportLine = exportLines.Pick(random),
                Volume = (isNew ? 0.3 : 1.0) / Math.Pow(i + 1, 0.8),
                // Against an ordinary trader's 1: bad traders commit fraud in about half their declarations at a 5% share.
                Risk = (isBad ? 25 : isAeo ? 0.1 : 1) * (isNew ? 3 : 1),
                Habit = isBad ? random.Pick(FraudPatterns.All) : null,
                FirstDay = isNew ? random.Next(options.Days / 4, options.Days) : 0,
                Aeo = isAeo,
            };
        }

        // Joining traders enter the draw in order of arrival: the active ones are always a prefix.
        Array.Sort(_traders, (a, b) => a.FirstDay != b.FirstDay ? a.FirstDay.CompareTo(b.FirstDay) : a.Index.CompareTo(b.Index));
        var poolSize = Math.Clamp(traderCount / 8, 6, 300);
        foreach (var country in Geography.Countries)
        {
            _countryIndex[country.Code] = _countryIndex.Count;
            _foreign[country.Code] = [.. Enumerable.Range(0, poolSize).Select(_ => new Party
            {
                Name = CompanyNames.Create(random, country.Code),
                Address = new Address { Line = CompanyNames.Street(random), City = random.Pick(country.Cities), Country = country.Code },
            })];
        }
    }

    /// <summary>AEO status shows on the declaration, as it does in real filings: the low risk it earns is then learnable.</summary>
    public static AuthorisationHolder? AeoAuthorisation(Trader trader) =>
        trader.Aeo ? new AuthorisationHolder { Id = trader.Party.Id, Category = "AEOF" } : null;

    /// <summary>A trader active on the day, by volume; for fraud, weighted further by the trader's risk.</summary>
    public Trader PickTrader(int day, bool fraudulent, Random random)
    {
        if (day != _day)
        {
            _day = day;
            var active = 0;
            while (active < _traders.Length && _traders[active].FirstDay <= day)
            {
                active++;
            }

            var current = new ArraySegment<Trader>(_traders, 0, active);
            _honest = new WeightedTable<Trader>(current.Select(t => (t, t.Volume)));
            _fraudulent = new WeightedTable<Trader>(current.Select(t => (t, t.Volume * t.Risk)));
        }

        return (fraudulent ? _fraudulent : _honest).Pick(random);
    }

    /// <summary>Each trader buys from two or three regular suppliers per country, mostly the first.</summary>
    public Party Supplier(Trader trader, string country, Random random)
    {
        var pool = _foreign[country];
        var k = random.Chance(0.6) ? 0u : random.Chance(0.75) ? 1u : 2u;
        var slot = (uint)trader.Index * 2654435761u + k * 40503u + (uint)_countryIndex[country] * 97u;
        return pool[slot % (uint)pool.Length];
    }

    /// <summary>A company in the country: a front exporter in a preferential country, or a foreign buyer.</summary>
    public Party AnyCompany(string country, Random random) => random.Pick(_foreign[country]);

    private static string Eori(Random random, string country) => country + random.Digits(12);
}
