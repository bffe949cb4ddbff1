using System.Text;

namespace SmartCustoms.Domain.Edifact;

/// <summary>
/// How the bytes of values are decoded, from UNB's syntax identifier: UNOA and UNOB are ISO 646 (7-bit), UNOC to UNOK
/// the ISO 8859 parts, UNOX ISO 2022 (read as ISO-2022-JP), UNOW and UNOY UTF-8 (ISO 10646). IATA (PNRGOV, PAXLST)
/// is 7-bit like UNOA. A byte outside a 7-bit set is read as UTF-8 where the value is valid UTF-8 and as Latin-1
/// otherwise, and reported once as a warning with its position.
/// </summary>
internal sealed class EdifactCharset
{
    private static readonly Lazy<bool> CodePages = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    private readonly Encoding _encoding;

    private EdifactCharset(string identifier, Encoding encoding, bool sevenBit, bool utf8)
    {
        Identifier = identifier;
        _encoding = encoding;
        SevenBit = sevenBit;
        Utf8 = utf8;
    }

    public string Identifier { get; }
    public bool SevenBit { get; }
    public bool Utf8 { get; }

    /// <summary>Until UNB names one: service segments are 7-bit in every syntax.</summary>
    public static EdifactCharset Initial { get; } = new("", Encoding.Latin1, sevenBit: true, utf8: false);

    /// <summary>The charset for <paramref name="identifier"/>, or null for one ISO 9735 does not define.</summary>
    public static EdifactCharset? For(string identifier) => identifier switch
    {
        "UNOA" or "UNOB" or "IATA" => new(identifier, Encoding.ASCII, sevenBit: true, utf8: false),
        "UNOC" => new(identifier, Encoding.Latin1, false, false),
        "UNOD" => Iso(identifier, "iso-8859-2"),
        "UNOE" => Iso(identifier, "iso-8859-5"),
        "UNOF" => Iso(identifier, "iso-8859-7"),
        "UNOG" => Iso(identifier, "iso-8859-3"),
        "UNOH" => Iso(identifier, "iso-8859-4"),
        "UNOI" => Iso(identifier, "iso-8859-6"),
        "UNOJ" => Iso(identifier, "iso-8859-8"),
        "UNOK" => Iso(identifier, "iso-8859-9"),
        "UNOX" => Iso(identifier, "iso-2022-jp"),
        "UNOW" or "UNOY" => new(identifier, new UTF8Encoding(false), false, utf8: true),
        _ => null,
    };

    private static EdifactCharset Iso(string identifier, string name)
    {
        _ = CodePages.Value;
        return new(identifier, Encoding.GetEncoding(name), false, false);
    }

    /// <summary>Decodes one value; <paramref name="suspect"/> is set when the bytes do not belong to the charset.</summary>
    public string Decode(ReadOnlySpan<byte> bytes, out bool suspect)
    {
        suspect = false;
        if (bytes.Length == 0)
        {
            return "";
        }

        if (SevenBit || Utf8)
        {
            var ascii = !bytes.ContainsAnyExceptInRange((byte)0, (byte)0x7F);
            if (ascii)
            {
                return Encoding.ASCII.GetString(bytes);
            }

            var validUtf8 = System.Text.Unicode.Utf8.IsValid(bytes);
            suspect = SevenBit || !validUtf8;
            return validUtf8 ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
        }

        return _encoding.GetString(bytes);
    }
}
