namespace SmartCustoms.Domain.Synthetic;

/// <summary>Where a trading country loads its goods (UN/LOCODEs, checked by a test) and where its companies sit.</summary>
public sealed record TradingCountry(string Code, IReadOnlyList<string> Seaports, IReadOnlyList<string> Airports, IReadOnlyList<string> Cities);

/// <summary>The places of the synthetic trade: every origin of the catalogue, the hubs and the export markets.</summary>
public static class Geography
{
    public static IReadOnlyList<TradingCountry> Countries { get; } =
    [
        C("CN", "CNNBG CNYTN CNNSA", "CNPVG CNCAN CNSZX", "Shenzhen|Ningbo|Guangzhou|Shanghai|Dongguan|Yiwu"),
        C("JP", "JPYOK JPTYO JPNGO", "JPNRT", "Tokyo|Osaka|Nagoya|Yokohama"),
        C("DE", "DEHAM", "DEFRA", "Hamburg|Stuttgart|Munich|Cologne"),
        C("MY", "MYPKG MYTPP", "MYKUL", "Kuala Lumpur|Penang|Johor Bahru"),
        C("ID", "IDJKT", "IDCGK", "Jakarta|Surabaya|Bandung"),
        C("VN", "VNHPH VNSGN", "VNSGN VNHAN", "Ho Chi Minh City|Hanoi|Haiphong|Binh Duong"),
        C("IN", "INNSA INMAA", "INBOM INDEL", "Mumbai|Chennai|Delhi|Tiruppur|Ahmedabad"),
        C("KR", "KRPUS", "KRICN", "Seoul|Busan|Incheon"),
        C("TW", "TWKHH TWTPE", "TWTPE", "Taipei|Kaohsiung|Taichung"),
        C("TH", "THLCH THBKK", "THBKK", "Bangkok|Chonburi"),
        C("US", "USLAX USNYC", "USJFK USLAX", "Los Angeles|New York|Chicago|Houston"),
        C("MX", "MXZLO", "MXMEX", "Monterrey|Mexico City|Guadalajara"),
        C("TR", "TRMER TRIST", "TRIST", "Istanbul|Izmir|Bursa"),
        C("PL", "PLGDN", "PLWAW", "Warsaw|Gdansk|Poznan|Lodz"),
        C("BD", "BDCGP", "BDDAC", "Dhaka|Chattogram|Gazipur"),
        C("KH", "KHKOS KHPNH", "KHPNH", "Phnom Penh|Sihanoukville"),
        C("PK", "PKKHI", "PKLHE PKKHI", "Karachi|Lahore|Sialkot|Faisalabad"),
        C("IT", "ITGOA", "ITMXP", "Milan|Florence|Bologna|Vicenza"),
        C("PT", "PTLEI PTLIS", "PTLIS", "Porto|Lisbon"),
        C("FR", "FRLEH", "FRCDG", "Paris|Lyon|Bordeaux|Grasse"),
        C("ES", "ESVLC ESALG", "ESMAD", "Valencia|Madrid|Barcelona|Jaen"),
        C("GB", "GBFXT", "GBLHR", "London|Manchester|Glasgow"),
        C("IE", "IEDUB IEORK", "IEDUB", "Dublin|Cork"),
        C("CH", "CHBSL", "CHZRH", "Basel|Zurich|Geneva"),
        C("AE", "AEJEA", "AEDXB", "Dubai|Sharjah"),
        C("CI", "CIABJ", "CIABJ", "Abidjan|San-Pedro"),
        C("GH", "GHTEM", "GHACC", "Tema|Accra|Kumasi"),
        C("NL", "NLRTM", "NLAMS", "Rotterdam|Amsterdam|Zaandam"),
        C("BR", "BRSSZ", "BRGRU", "Sao Paulo|Santos|Curitiba"),
        C("CO", "COCTG", "COBOG", "Bogota|Medellin|Cartagena"),
        C("EC", "ECGYE", "ECUIO", "Guayaquil|Quito"),
        C("CR", "CRLIO CRMOB", "CRSJO", "San Jose|Limon"),
        C("HN", "HNPCR", "HNSAP", "San Pedro Sula|Tegucigalpa"),
        C("ZA", "ZADUR ZACPT", "ZAJNB", "Johannesburg|Durban|Cape Town"),
        C("EG", "EGALY EGPSD", "EGCAI", "Cairo|Alexandria"),
        C("MA", "MAPTM MACAS", "MACAS", "Casablanca|Tangier|Agadir"),
        C("UY", "UYMVD", "UYMVD", "Montevideo"),
        C("AR", "ARBUE", "AREZE", "Buenos Aires|Rosario"),
        C("AU", "AUMEL AUSYD", "AUSYD", "Sydney|Melbourne|Adelaide"),
        C("CL", "CLSAI CLVAP", "CLSCL", "Santiago|Valparaiso"),
        C("GR", "GRPIR", "GRATH", "Athens|Thessaloniki"),
        C("TN", "TNTUN", "TNTUN", "Tunis|Sfax"),
        C("PH", "PHMNL", "PHMNL", "Manila|Cebu"),
        C("HK", "HKHKG", "HKHKG", "Hong Kong"),
        C("SG", "SGSIN", "SGSIN", "Singapore"),
    ];

    /// <summary>Transshipment hubs: goods are relayed there, and some are re-exported from there.</summary>
    public static IReadOnlyList<string> Hubs { get; } = ["AE", "SG", "MY"];

    /// <summary>Markets of the declaring country's exports, weighted.</summary>
    public static IReadOnlyList<OriginShare> ExportMarkets { get; } =
    [
        new("US", 20), new("CN", 12), new("GB", 12), new("CH", 8), new("TR", 6), new("JP", 6), new("KR", 5), new("IN", 5),
        new("AE", 5), new("AU", 4), new("BR", 4), new("ZA", 4), new("SG", 4), new("MA", 3),
    ];

    /// <summary>Cities of a declaring country that is no ISO country (the node default XX): invented, and plainly so.</summary>
    public static IReadOnlyList<string> HomeCities { get; } = ["Northport", "Eastbridge", "Riverton", "Lakeside", "Westhaven"];

    public static TradingCountry? Find(string code) =>
        Countries.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.Ordinal));

    private static TradingCountry C(string code, string seaports, string airports, string cities) =>
        new(code, seaports.Split(' '), airports.Split(' '), cities.Split('|'));
}
