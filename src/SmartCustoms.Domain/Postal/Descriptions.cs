using System.Collections.Frozen;
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
        "geschenk", "geschenke", "teile", "ersatzteile", "kleidung", "ware", "waren", "muster", "sonstiges", "verschiedenes", "artikel", "zubehor", "accesorios", "accessoires", "accessori", "acessorios",
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

    /// <summary>
    /// Lower case without diacritics: "Vêtements" and "vetements" are one word. A table rather than Unicode decomposition,
    /// which the node's invariant globalization does not do.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lower = text.ToLowerInvariant();
        var folded = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            if (c < 0x80 || !Latin.TryGetValue(c, out var plain))
            {
                folded.Append(c);
            }
            else
            {
                folded.Append(plain);
            }
        }

        return folded.ToString();
    }

    private static readonly FrozenDictionary<char, string> Latin = BuildLatin();

    private static FrozenDictionary<char, string> BuildLatin()
    {
        var map = new Dictionary<char, string> { ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['þ'] = "th", ['ð'] = "d" };
        foreach (var (plain, accented) in new[]
        {
            ("a", "àáâãäåāăą"), ("c", "çćĉċč"), ("d", "ďđ"), ("e", "èéêëēĕėęě"), ("g", "ĝğġģ"), ("h", "ĥħ"), ("i", "ìíîïĩīĭįı"), ("j", "ĵ"),
            ("k", "ķ"), ("l", "ĺļľŀł"), ("n", "ñńņňŉ"), ("o", "òóôõöøōŏő"), ("r", "ŕŗř"), ("s", "śŝşšș"), ("t", "ţťŧț"), ("u", "ùúûüũūŭůűų"),
            ("w", "ŵ"), ("y", "ýÿŷ"), ("z", "źżž"),
        })
        {
            foreach (var c in accented)
            {
                map[c] = plain;
            }
        }

        return map.ToFrozenDictionary();
    }
}
