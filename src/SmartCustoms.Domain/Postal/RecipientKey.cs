using System.Security.Cryptography;
using System.Text;

namespace SmartCustoms.Domain.Postal;

/// <summary>
/// The key that groups items for one consignee across operators: country, postcode, name and address folded (case,
/// diacritics, punctuation and spacing do not count; "Rue de la Paix 5" and "5, rue de la paix" differ only by order,
/// so the words are sorted). Kept as a SHA-256, so that the index holds no personal data in clear.
/// </summary>
public static class RecipientKey
{
    public static string Of(PostalParty recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var text = new StringBuilder()
            .Append(recipient.Country).Append('|')
            .Append(Normalised(recipient.Postcode)).Append('|')
            .Append(Normalised(recipient.Name)).Append('|')
            .Append(Normalised(recipient.Address));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Normalised(string? text)
    {
        if (text is null)
        {
            return "";
        }

        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in Descriptions.Fold(text))
        {
            if (char.IsLetterOrDigit(c))
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

        words.Sort(StringComparer.Ordinal);
        return string.Join(' ', words);
    }
}
