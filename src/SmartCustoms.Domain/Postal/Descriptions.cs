using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace SmartCustoms.Domain.Postal;

/// <summary>
/// Vague or generic descriptions of contents ("gift", "parts", "clothes", "goods", "samples", "general cargo") in the
/// languages posts write them in: a description made only of such words says nothing an officer can assess.
/// </summary>
public static class Descriptions
{
    private static readonly FrozenSet<string> Vague = new[]
    {
        // English
        "gift", "gifts", "present", "presents", "parts", "part", "spare", "spares", "clothes", "clothing", "garment", "garments", "goods", "good",
        "samples", "sample", "general", "cargo", "merchandise", "items", "item", "stuff", "things", "products", "product", "accessories",
        "accessory", "various", "misc", "miscellaneous", "other", "others", "personal", "effects", "belongings", "commodity", "commodities",
        "article", "articles", "package", "parcel", "box", "toys", "toy", "electronics", "tools", "tool", "material", "materials", "of", "and", "for",
        // French
        "cadeau", "cadeaux", "pieces", "piece", "vetements", "vetement", "marchandise", "marchandises", "echantillon", "echantillons", "divers",
        "produits", "produit", "colis", "effets", "personnels", "de", "et",
        // German
        "geschenk", "geschenke", "teile", "ersatzteile", "kleidung", "ware", "waren", "muster", "sonstiges", "verschiedenes", "artikel", "zubehor",
        "und",
        // Spanish, Portuguese, Italian
        "regalo", "regalos", "piezas", "repuestos", "ropa", "mercancia", "mercancias", "muestra", "muestras", "varios", "productos", "presente",
        "pecas", "roupas", "mercadoria", "mercadorias", "amostra", "amostras", "diversos", "regali", "ricambi", "vestiti", "merce", "merci",
        "campione", "campioni", "vari", "y", "e", "da", "di",
        // Dutch
        "cadeautje", "onderdelen", "kleding", "goederen", "monsters", "diversen",
        // Russian
        "подарок", "подарки", "запчасти", "одежда", "товар", "товары", "образцы", "образец", "разное",
        // Chinese
        "礼物", "礼品", "配件", "零件", "衣服", "服装", "货物", "样品", "杂货", "商品",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when every word of the description is generic (or the description has no word of 3 letters or more in Latin script).</summary>
    public static bool IsVague(string? description)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            return true;
        }

        var words = Words(description);
        if (words.Count == 0)
        {
            return true;
        }

        return words.All(Vague.Contains);
    }

    /// <summary>Lower case, diacritics removed, split on everything that is not a letter.</summary>
    public static List<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in Fold(text))
        {
            if (char.IsLetter(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>Lower case without diacritics: "Vêtements" and "vetements" are one word.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }
}
