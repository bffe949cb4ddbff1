using System.Collections.Frozen;
using System.Globalization;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.ReferenceData;
using SmartCustoms.Domain.Tariffs;

namespace SmartCustoms.Domain.Synthetic;

/// <summary>Builds one import or export declaration at a time from the population, the catalogue and the carriers.</summary>
internal sealed class DeclarationFactory
{
    // Item prices are converted with the demo tariff's rates, so that assessed customs values come back near the truth.
    private static readonly FrozenDictionary<string, decimal> EurPerUnit = TariffFile.LoadDemo().ExchangeRates
        .GroupBy(r => r.Currency, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.MaxBy(r => r.ValidFrom)!.Rate, StringComparer.Ordinal);

    private static readonly WeightedTable<int> ItemCounts = new([(1, 55.0), (2, 20.0), (3, 12.0), (4, 8.0), (5, 2.0), (6, 1.5), (8, 1.5)]);
    private static readonly WeightedTable<CommodityProfile> ExportGoods = new(
        CommodityCatalogue.Profiles.Where(p => p.Exported).Select(p => (p, (double)p.Popularity)));

    private readonly Random _random;
    private readonly string _office;
    private readonly string? _home;
    private readonly TraderPopulation _traders;
    private readonly Shipping _shipping;
    private readonly Dictionary<string, WeightedTable<string>> _origins;
    private readonly WeightedTable<string> _markets;
    private readonly string[] _hubs;

    public DeclarationFactory(Random random, SyntheticOptions options)
    {
        _random = random;
        _office = options.Country + "00000";
        _home = ReferenceCatalog.Default.IsCountry(options.Country) ? options.Country : null;
        _traders = new TraderPopulation(random, options);
        _shipping = new Shipping(random);
        // A country neither imports from nor exports to itself: its own entries leave the tables.
        bool Foreign(OriginShare share) => share.Country != options.Country;
        _origins = CommodityCatalogue.Profiles.ToDictionary(p => p.HsCode, p => WeightedTables.Of(p.Origins.Where(Foreign)), StringComparer.Ordinal);
        _markets = WeightedTables.Of(Geography.ExportMarkets.Where(Foreign));
        _hubs = [.. Geography.Hubs.Where(h => h != options.Country)];
    }

    public GeneratedDeclaration Import(int day, DateTimeOffset issued, bool fraudulent)
    {
        var trader = _traders.PickTrader(day, fraudulent, _random);
        var pattern = fraudulent ? FraudPlanter.ChoosePattern(trader, _random) : null;
        var main = pattern is null ? _random.Pick(trader.ImportLines) : FraudPlanter.ChooseGoods(pattern, trader, _random);
        var origin = FraudPlanter.TrueOrigin(pattern, _home) ?? _origins[main.HsCode].Pick(_random);
        var items = new List<ItemDraft> { Draft(main, origin, 1m) };
        var count = pattern == FraudPatterns.ProhibitedGoods ? 1 : ItemCounts.Pick(_random);
        // Further lines are the trader's other goods from the same country, or more of the same.
        var alongside = trader.ImportLines.Where(p => p.Origins.Any(o => o.Country == origin)).DefaultIfEmpty(main).ToList();
        while (items.Count < count)
        {
            items.Add(Draft(_random.Pick(alongside), origin, 0.5m));
        }

        var claimedOrigin = pattern is null ? null : FraudPlanter.Apply(pattern, items, _home, _random);
        var exportCountry = claimedOrigin ?? origin;
        var routing = new List<string> { exportCountry };
        if (claimedOrigin is not null && _random.Chance(0.3))
        {
            // The carrier's itinerary still shows the real port of loading.
            routing.Insert(0, origin);
        }
        else if (claimedOrigin is null && _random.Chance(0.1) && _hubs.Where(h => h != origin).ToList() is { Count: > 0 } hubs)
        {
            var hub = _random.Pick(hubs);
            routing.Add(hub);
            // Some goods are sold on from a hub's free zone, which then is the country of export.
            exportCountry = _random.Chance(0.4) ? hub : exportCountry;
        }

        var declaration = Consignment(items, main, exportCountry, routing, "IM", "40", trader, issued) with
        {
            Importer = trader.Party,
            // Regular suppliers per country, front companies included: the seller's history is part of the signal.
            Exporter = _traders.Supplier(trader, exportCountry, _random),
            ExportCountry = exportCountry,
            DestinationCountry = _home,
        };
        return new GeneratedDeclaration(declaration, pattern, DateOnly.FromDateTime(issued.UtcDateTime));
    }

    public GeneratedDeclaration Export(int day, DateTimeOffset issued)
    {
        var trader = _traders.PickTrader(day, false, _random);
        var market = _markets.Pick(_random);
        var items = new List<ItemDraft> { Draft(trader.ExportLine, _home, 1m) };
        var count = Math.Min(ItemCounts.Pick(_random), 3);
        while (items.Count < count)
        {
            items.Add(Draft(ExportGoods.Pick(_random), _home, 0.5m));
        }

        var declaration = Consignment(items, trader.ExportLine, market, [market], "EX", "10", trader, issued) with
        {
            Exporter = trader.Party,
            Consignee = _traders.AnyCompany(market, _random),
            ExportCountry = _home,
            DestinationCountry = market,
        };
        return new GeneratedDeclaration(declaration, null, DateOnly.FromDateTime(issued.UtcDateTime));
    }

    /// <summary>What imports and exports share: transport, items in the invoice currency, totals, documents.</summary>
    private Declaration Consignment(
        List<ItemDraft> items, CommodityProfile main, string partner, List<string> routing, string category, string procedure, Trader trader, DateTimeOffset issued)
    {
        var trueGross = items.Sum(i => i.TrueNetKg) * 1.08m;
        var byAir = _random.Chance(main.AirShare) && trueGross <= 3000m;
        var (transport, carrier) = _shipping.Carry(byAir, main.Containerised, trueGross);
        var currency = InvoiceCurrency(partner);
        var goods = items.Select((item, i) => Goods(item, i + 1, currency, procedure)).ToList();
        var place = Geography.Find(partner)!;
        var routed = _home is null ? routing : category == "IM" ? [.. routing, _home] : [_home, .. routing];
        return new Declaration
        {
            // A: standard declaration; D: the same lodged before the goods are presented.
            Type = category + (_random.Chance(0.9) ? "A" : "D"),
            FunctionCode = "9",
            Lrn = trader.DeclaredBy.NextLrn(DateOnly.FromDateTime(issued.UtcDateTime)),
            DeclarationOffice = Office(byAir, category),
            IssueDateTime = issued,
            Declarant = trader.DeclaredBy.Party,
            Carrier = carrier,
            AuthorisationHolders = TraderPopulation.AeoAuthorisation(trader) is { } aeo ? [aeo] : [],
            RoutingCountries = routed,
            Transport = transport,
            GoodsItemQuantity = goods.Count,
            TotalPackageQuantity = goods.Sum(g => g.Packages.Sum(p => p.Quantity ?? 0)),
            TotalGrossMass = goods.Sum(g => g.GrossMass ?? 0m),
            InvoiceAmount = new Money { Amount = goods.Sum(g => g.ItemPrice!.Amount ?? 0m), Currency = currency },
            // Imports name the seller's port (FOB/FCA), exports the buyer's (CIF/CPT): where the risk passes either way.
            TradeTermsCode = (category, byAir) switch { ("IM", false) => "FOB", ("IM", true) => "FCA", (_, false) => "CIF", _ => "CPT" },
            TradeTermsLocation = _random.Pick(byAir ? place.Airports : place.Seaports),
            Items = goods,
            AdditionalDocuments = [new DocumentReference { Type = "N380", Id = "INV" + _random.Digits(8) }],
        };
    }

    /// <summary>Offices 1-3 are seaports, 4 the airport, 5 an inland office where exporters clear before moving the goods.</summary>
    private string Office(bool byAir, string category) =>
        _office + (byAir ? "4" : category == "EX" && _random.Chance(0.5) ? "5" : _random.Next(1, 4).ToString(CultureInfo.InvariantCulture));

    private ItemDraft Draft(CommodityProfile profile, string? origin, decimal scale)
    {
        var kg = (decimal)_random.LogUniform((double)profile.MinKg, (double)profile.MaxKg) * scale;
        return new ItemDraft
        {
            Profile = profile,
            HsCode = profile.HsCode,
            Description = _random.Pick(profile.Descriptions),
            Origin = origin,
            NetKg = kg,
            TrueNetKg = kg,
            EurValue = kg * profile.EurPerKg * (decimal)_random.LogNormal(0.3),
        };
    }

    private GoodsItem Goods(ItemDraft item, int sequence, string currency, string procedure)
    {
        var net = Math.Max(0.01m, Math.Round(item.NetKg, item.NetKg < 100 ? 2 : 0));
        var gross = Math.Round(net * (decimal)_random.Between(1.03, 1.15), 2);
        var unit = item.Profile.QuantityUnit;
        var preferential = item.Origin is { } o && CommodityCatalogue.PreferentialOrigins.Contains(o) && _random.Chance(0.6);
        return new GoodsItem
        {
            Sequence = sequence,
            HsCode = item.HsCode,
            Description = item.Description,
            Origin = item.Origin,
            NetMass = net,
            GrossMass = gross,
            Quantity = unit is null ? null : Math.Max(1m, Math.Round(net / item.Profile.KgPerUnit)),
            QuantityUnit = unit,
            Packages = [new Package { Type = item.Profile.PackageType, Quantity = (int)Math.Max(1m, Math.Round(net / item.Profile.KgPerPackage)) }],
            ProcedureCode = procedure,
            PreviousProcedureCode = "00",
            ItemPrice = new Money { Amount = Math.Max(0.01m, Math.Round(item.EurValue / Rate(currency), 2)), Currency = currency },
            // A claim to preference needs its proof of origin: genuine or not, it is on the declaration.
            AdditionalDocuments = preferential ? [new DocumentReference { Type = "N954", Id = "EUR1-" + _random.Digits(7) }] : [],
        };
    }

    private string InvoiceCurrency(string seller)
    {
        var r = _random.NextDouble();
        return seller switch
        {
            "DE" or "IT" or "FR" or "ES" or "NL" or "IE" or "PT" or "GR" => r < 0.9 ? "EUR" : "USD",
            "GB" => r < 0.75 ? "GBP" : "EUR",
            "CN" => r < 0.55 ? "USD" : r < 0.8 ? "CNY" : "EUR",
            "US" => "USD",
            _ => r < 0.75 ? "USD" : "EUR",
        };
    }

    private static decimal Rate(string currency) => currency == "EUR" ? 1m : EurPerUnit[currency];
}
