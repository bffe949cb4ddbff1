using System.Globalization;

namespace SmartCustoms.Domain.Synthetic;

/// <summary>Invented company names in each country's style, so that parties read like trade data and not like ids.</summary>
internal static class CompanyNames
{
    private static readonly string[] First =
    [
        "Golden", "Pacific", "Harbour", "Orient", "Sunrise", "Star", "Blue Ocean", "Great Wall", "United", "Apex", "Delta",
        "Evergreen", "Summit", "Silver", "Bright", "Eagle", "Global", "Prime", "Royal", "Northern", "Lotus", "Crown",
        "Phoenix", "Jade", "Meridian", "Atlas", "Horizon", "Coral", "Falcon", "Pioneer",
    ];

    private static readonly string[] Second =
    [
        "Trading", "Industrial", "Electronics", "Textiles", "Foods", "Logistics", "Import", "Export", "Manufacturing",
        "Commerce", "Supply", "Technology", "Home", "Garments", "Motors", "Distribution", "Wholesale", "Sourcing",
    ];

    private static readonly string[] Streets = ["Harbour Road", "Station Street", "Industrial Avenue", "Market Lane", "Dock Road", "Mill Street"];

    public static string Create(Random random, string country)
    {
        var stem = $"{random.Pick(First)} {random.Pick(Second)}";
        return country switch
        {
            "ID" => $"PT {stem}",
            "CN" or "HK" or "TW" or "KR" or "JP" or "TH" or "VN" => $"{stem} Co., Ltd",
            "MY" => $"{stem} Sdn Bhd",
            "DE" or "CH" => $"{stem} GmbH",
            "IT" => $"{stem} S.r.l.",
            "FR" => $"{stem} SAS",
            "ES" => $"{stem} S.L.",
            "NL" => $"{stem} B.V.",
            "PL" => $"{stem} Sp. z o.o.",
            "TR" => $"{stem} A.S.",
            "IN" or "PK" or "BD" => $"{stem} Pvt Ltd",
            "US" => $"{stem} Inc.",
            "BR" or "PT" => $"{stem} Ltda",
            _ => $"{stem} Ltd",
        };
    }

    public static string Street(Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 400)} {random.Pick(Streets)}");
}
