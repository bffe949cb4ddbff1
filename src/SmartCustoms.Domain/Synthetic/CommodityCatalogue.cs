using System.Globalization;

namespace SmartCustoms.Domain.Synthetic;

/// <summary>
/// The goods of the synthetic trade: real HS 2022 subheadings (each checked against the reference catalogue by
/// a test) with rough unit values, consignment masses and origin mixes of world trade.
/// </summary>
public static class CommodityCatalogue
{
    public static IReadOnlyList<CommodityProfile> Profiles { get; } =
    [
        P("851010", "Electric shavers|Rotary electric shavers|Foil shavers, rechargeable", 45, 100, 3000, "CN 65, JP 10, DE 10, MY 8, ID 7", 3, air: 0.15, unit: "NAR 0.45", exported: true),
        P("851713", "Smartphones|Mobile phones, 128 GB|Android smartphones", 600, 20, 1500, "CN 70, VN 18, IN 8, KR 4", 5, air: 0.7, unit: "NAR 0.35"),
        P("847130", "Laptop computers|Notebook computers, 14 inch|Portable computers", 160, 50, 5000, "CN 75, VN 10, TW 8, MY 7", 5, air: 0.4, unit: "NAR 2.5", kgPerPackage: 12, exported: true),
        P("847330", "Computer parts|Printed circuit assemblies for computers|Keyboards and parts", 60, 20, 3000, "CN 50, TW 20, MY 10, TH 10, PH 10", 2, air: 0.3, kgPerPackage: 15),
        P("852872", "LED television sets|Smart TV 55 inch|Television receivers", 18, 500, 15000, "CN 55, TR 15, PL 15, KR 10, MX 5", 3, unit: "NAR 18", kgPerPackage: 20),
        P("851830", "Headphones|Wireless earphones|Bluetooth headsets", 80, 20, 2000, "CN 80, VN 15, MY 5", 3, air: 0.5, unit: "NAR 0.3", kgPerPackage: 8),
        P("850760", "Lithium-ion batteries|Li-ion battery packs|Lithium-ion cells", 25, 200, 20000, "CN 75, KR 12, JP 8, PL 5", 3, kgPerPackage: 20),
        P("854143", "Solar panels|Photovoltaic modules, 400 W|Monocrystalline solar modules", 3, 5000, 25000, "CN 85, VN 8, MY 4, IN 3", 3, unit: "NAR 22", package: "PX", kgPerPackage: 600),
        P("854231", "Processors|Microcontrollers|Integrated circuits, processors", 2000, 1, 200, "TW 40, KR 20, MY 15, CN 10, US 10, PH 5", 2, air: 0.95, package: "BX", kgPerPackage: 5),
        P("852351", "Solid-state drives|SSD 1 TB|USB flash drives", 400, 5, 500, "CN 40, TW 30, KR 20, MY 10", 2, air: 0.8, package: "BX", kgPerPackage: 6),
        P("850440", "Power supplies|Static converters|Chargers for mobile phones", 20, 100, 8000, "CN 85, VN 10, TH 5", 3, air: 0.1, kgPerPackage: 12),
        P("851671", "Coffee makers|Espresso machines, domestic|Electric kettles and coffee makers", 12, 200, 8000, "CN 80, DE 10, TR 10", 2, unit: "NAR 4", kgPerPackage: 15, exported: true),
        P("841510", "Air conditioners|Split air conditioning units|Wall-mounted air conditioners", 8, 1000, 20000, "CN 80, TH 15, MY 5", 2, unit: "NAR 35", kgPerPackage: 40),
        P("841830", "Chest freezers|Freezers, chest type", 5, 1000, 18000, "CN 50, TR 30, PL 20", 1, unit: "NAR 45", kgPerPackage: 50),
        P("870323", "Passenger cars, petrol, 1.6 l|Motor cars, spark ignition, 1500-3000 cc|Used passenger cars", 13, 1200, 30000, "JP 30, DE 20, KR 20, US 15, GB 10, MX 5", 2, unit: "NAR 1400", package: "NE", kgPerPackage: 1400, cheaper: "870899 Parts and accessories of motor vehicles", bulk: true, exported: true),
        P("870380", "Electric passenger cars|Battery electric vehicles", 20, 1800, 36000, "CN 50, DE 15, US 15, KR 10, JP 10", 2, unit: "NAR 1800", package: "NE", kgPerPackage: 1800, bulk: true),
        P("870899", "Motor vehicle parts|Brake parts for cars|Car body parts and accessories", 8, 200, 20000, "CN 30, DE 25, PL 15, JP 10, MX 10, TR 10", 4, kgPerPackage: 25, cheaper: "848390 Transmission parts, gears", exported: true),
        P("401110", "New car tyres|Pneumatic tyres for passenger cars|Radial tyres, 16 inch", 4, 2000, 22000, "CN 45, TH 20, KR 10, ID 10, VN 10, JP 5", 2, unit: "NAR 9", package: "NE", kgPerPackage: 9),
        P("610910", "Cotton T-shirts|T-shirts, knitted, 100% cotton|Men's cotton T-shirts", 18, 200, 12000, "BD 35, CN 30, TR 12, IN 10, VN 8, KH 5", 5, unit: "NAR 0.17", kgPerPackage: 12, cheaper: "630790 Made up textile articles"),
        P("611020", "Cotton pullovers|Knitted cotton jerseys|Sweatshirts, cotton", 22, 200, 10000, "CN 40, BD 25, TR 15, VN 10, KH 10", 3, unit: "NAR 0.45", kgPerPackage: 12, cheaper: "600622 Knitted cotton fabric, dyed"),
        P("620342", "Men's cotton trousers|Denim jeans, men's|Cotton chinos", 14, 300, 12000, "BD 30, CN 25, PK 20, TR 15, VN 10", 4, unit: "NAR 0.6", kgPerPackage: 15, cheaper: "520942 Denim fabric, cotton"),
        P("620462", "Women's cotton trousers|Women's denim jeans", 15, 300, 10000, "BD 30, CN 30, PK 15, TR 15, IN 10", 3, unit: "NAR 0.5", kgPerPackage: 15, cheaper: "630790 Made up textile articles"),
        P("640399", "Leather footwear|Men's leather shoes|Women's leather boots", 35, 200, 8000, "CN 35, VN 25, IN 15, IT 10, ID 10, PT 5", 4, unit: "PR 0.9", kgPerPackage: 10, exported: true),
        P("640411", "Sports footwear|Trainers with textile uppers|Running shoes", 25, 200, 8000, "CN 40, VN 35, ID 20, KH 5", 4, unit: "PR 0.8", kgPerPackage: 10),
        P("420221", "Leather handbags|Handbags, outer surface of leather", 60, 50, 3000, "CN 40, IT 25, IN 15, FR 10, VN 10", 2, air: 0.3, unit: "NAR 0.9", kgPerPackage: 8),
        P("940360", "Wooden furniture|Wooden tables|Wooden cabinets, flat-packed", 4, 1000, 20000, "CN 40, VN 25, PL 15, MY 10, ID 10", 3, kgPerPackage: 30, exported: true),
        P("940161", "Upholstered seats, wooden frame|Sofas, upholstered", 6, 1000, 15000, "CN 50, PL 20, VN 15, IT 15", 2, kgPerPackage: 35),
        P("950300", "Toys|Plastic toys|Dolls and toy figures", 10, 200, 10000, "CN 85, VN 8, ID 4, MY 3", 5, kgPerPackage: 8),
        P("950691", "Fitness equipment|Exercise bikes|Gymnastics equipment", 4, 500, 15000, "CN 80, TW 15, VN 5", 2, kgPerPackage: 30),
        P("940542", "LED luminaires|LED ceiling lights|LED panel lights", 20, 100, 6000, "CN 85, PL 10, VN 5", 3, kgPerPackage: 10),
        P("392690", "Plastic articles|Plastic household articles|Articles of plastics", 6, 200, 15000, "CN 60, DE 10, TR 10, VN 10, TH 10", 3, kgPerPackage: 15, exported: true),
        P("732690", "Articles of steel|Steel brackets|Iron or steel fittings", 4, 500, 20000, "CN 60, IN 15, TR 15, TW 10", 2, kgPerPackage: 25),
        P("720851", "Hot-rolled steel plate, over 10 mm|Steel plate, not in coils", 0.7m, 25000, 250000, "IN 25, CN 20, TR 20, KR 15, JP 10, BR 10", 1, package: "NE", kgPerPackage: 5000, bulk: true),
        P("731815", "Steel screws and bolts|Hexagon bolts, steel|Screws with nuts", 3, 500, 20000, "CN 50, TW 35, IN 10, DE 5", 2, kgPerPackage: 25, exported: true),
        P("820559", "Hand tools|Hand tool sets", 8, 200, 8000, "CN 75, TW 15, DE 10", 2, kgPerPackage: 15),
        P("300490", "Medicaments in dosage form|Generic tablets, packaged for retail|Pharmaceutical preparations", 100, 10, 3000, "IN 30, CH 20, DE 15, US 15, IE 10, CN 10", 3, air: 0.6, kgPerPackage: 8, exported: true),
        P("330499", "Cosmetics|Skin care preparations|Face creams", 30, 50, 5000, "FR 30, KR 25, US 15, CN 15, IT 15", 3, air: 0.3, kgPerPackage: 10, exported: true),
        P("330300", "Perfumes|Eau de toilette|Eau de parfum", 80, 20, 2000, "FR 55, IT 15, ES 10, AE 10, GB 10", 2, air: 0.5, kgPerPackage: 8),
        P("900410", "Sunglasses|Sunglasses with plastic frames", 150, 10, 800, "CN 75, IT 20, HK 5", 2, air: 0.5, unit: "NAR 0.05", package: "BX", kgPerPackage: 5),
        P("910211", "Wrist-watches|Quartz wrist-watches, analogue", 150, 5, 500, "CN 60, HK 20, CH 10, JP 10", 2, air: 0.8, unit: "NAR 0.1", package: "BX", kgPerPackage: 4),
        P("711319", "Gold jewellery|Jewellery of precious metal", 20000, 0.5m, 20, "IT 30, IN 25, TR 20, AE 15, TH 10", 1, air: 1, package: "BX", kgPerPackage: 2),
        P("180400", "Cocoa butter|Deodorised cocoa butter", 7, 5000, 80000, "CI 35, GH 20, NL 20, MY 10, ID 10, BR 5", 2, kgPerPackage: 25, cheaper: "151590 Vegetable fats, other"),
        P("090111", "Green coffee beans|Arabica coffee, not roasted|Robusta coffee, green", 5, 10000, 100000, "BR 35, VN 25, CO 15, HN 15, ID 10", 2, package: "BG", kgPerPackage: 60),
        P("080390", "Bananas, fresh|Cavendish bananas", 0.9m, 20000, 200000, "EC 40, CO 25, CR 25, CI 10", 2, kgPerPackage: 18),
        P("080510", "Oranges, fresh|Navel oranges|Valencia oranges", 1, 20000, 120000, "ZA 40, EG 25, MA 20, ES 15", 2, kgPerPackage: 15),
        P("030617", "Frozen shrimps|Frozen prawns, peeled|Vannamei shrimps, frozen", 8, 5000, 50000, "EC 30, IN 30, VN 20, ID 10, TH 10", 2, kgPerPackage: 10),
        P("160414", "Canned tuna|Tuna in sunflower oil|Skipjack tuna, preserved", 5, 5000, 60000, "TH 40, EC 25, PH 15, ID 10, VN 10", 2, kgPerPackage: 12),
        P("100630", "Milled rice|Basmati rice|Long-grain white rice", 0.8m, 20000, 200000, "IN 40, TH 25, PK 20, VN 15", 2, package: "BG", kgPerPackage: 50),
        P("150920", "Extra virgin olive oil|Olive oil, extra virgin, in bottles", 6, 2000, 40000, "ES 50, IT 20, GR 15, TN 15", 2, kgPerPackage: 12),
        P("220421", "Red wine in bottles|White wine, 75 cl bottles|Still wine", 4, 1000, 22000, "FR 30, IT 25, ES 15, CL 10, AU 10, ZA 10", 3, unit: "LTR 1.3", kgPerPackage: 9, cheaper: "220600 Fermented beverages, cider", exported: true),
        P("220830", "Scotch whisky|Whiskies in bottles", 12, 500, 20000, "GB 70, US 15, IE 10, JP 5", 2, unit: "LTR 1.4", kgPerPackage: 9),
        P("240220", "Cigarettes containing tobacco|Cigarettes, king size", 20, 1000, 15000, "AE 25, CN 20, CH 15, PL 15, TR 15, ID 10", 2, unit: "MIL 1.2", kgPerPackage: 12, cheaper: "240399 Manufactured tobacco, other"),
        P("020130", "Chilled boneless beef|Beef cuts, boneless, chilled", 9, 2000, 25000, "BR 35, AR 25, UY 20, AU 10, US 10", 2, kgPerPackage: 20, cheaper: "160250 Prepared beef"),
        P("040690", "Cheese|Hard cheese|Semi-hard cheese, in wheels", 6, 1000, 20000, "NL 25, FR 20, DE 20, IT 20, CH 15", 2, kgPerPackage: 12, cheaper: "210690 Food preparations", exported: true),
        P("482010", "Notebooks|Diaries and notebooks, paper", 3, 500, 15000, "CN 80, IN 10, VN 10", 1, kgPerPackage: 15),
    ];

    /// <summary>Innocuous codes under which prohibited goods are declared: cheap, common, rarely looked at.</summary>
    public static IReadOnlyList<string> CoverCodes { get; } = ["392690", "732690", "950300", "870899", "940360"];

    /// <summary>Countries whose origin earns a preference: where Chinese goods are falsely said to come from.</summary>
    public static IReadOnlyList<string> PreferentialOrigins { get; } = ["VN", "MY", "TH", "KH", "BD", "ID"];

    public static CommodityProfile Find(string hsCode) =>
        Profiles.FirstOrDefault(p => string.Equals(p.HsCode, hsCode, StringComparison.Ordinal))
        ?? throw new ArgumentException($"No commodity profile for HS {hsCode}.", nameof(hsCode));

    private static CommodityProfile P(
        string hs, string descriptions, decimal eurPerKg, decimal minKg, decimal maxKg, string origins, int popularity,
        double air = 0, string? unit = null, string package = "CT", decimal kgPerPackage = 10, string? cheaper = null,
        bool bulk = false, bool exported = false)
    {
        var unitParts = unit?.Split(' ');
        var cheaperCut = cheaper?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
        return new CommodityProfile
        {
            HsCode = hs,
            Descriptions = descriptions.Split('|'),
            EurPerKg = eurPerKg,
            MinKg = minKg,
            MaxKg = maxKg,
            Origins = [.. origins.Split(", ").Select(o => new OriginShare(o[..2], int.Parse(o[3..], CultureInfo.InvariantCulture)))],
            Popularity = popularity,
            AirShare = air,
            Containerised = !bulk,
            PackageType = package,
            KgPerPackage = kgPerPackage,
            QuantityUnit = unitParts?[0],
            KgPerUnit = unitParts is null ? 0 : decimal.Parse(unitParts[1], CultureInfo.InvariantCulture),
            CheaperHsCode = cheaper?[..cheaperCut],
            CheaperDescription = cheaper?[(cheaperCut + 1)..],
            Exported = exported,
        };
    }
}
