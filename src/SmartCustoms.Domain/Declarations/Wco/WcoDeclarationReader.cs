using System.Xml;
using System.Xml.Linq;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Domain.Declarations.Wco;

/// <summary>
/// Reads a WCO Data Model 3.6 goods declaration (the UK DMS profile), either wrapped in <c>md:MetaData</c> or
/// as a bare <c>Declaration</c>, into the canonical <see cref="Declaration"/>. Input comes from untrusted
/// traders: DTDs and entities are refused, size and nesting are bounded, and no fault escapes as an exception.
/// </summary>
public static class WcoDeclarationReader
{
    /// <summary>4 Mi characters: the largest UK sample is 40 KB, so this leaves room for hundreds of items.</summary>
    public const long DefaultMaxCharacters = 4 * 1024 * 1024;

    /// <summary>The DMS schema nests eight levels at most; anything near this limit is an attack or a bug.</summary>
    public const int MaxDepth = 32;

    /// <summary>Far above any customs system's item limit (UK CDS allows 999), low enough to bound the work.</summary>
    public const int MaxItems = 10_000;

    // Only the five predefined entities can occur once DTDs are prohibited; this is a second fence, because
    // a value of 0 would mean "unlimited".
    private const long MaxCharactersFromEntities = 1024;

    public static WcoReadResult Read(Stream xml, long maxCharacters = DefaultMaxCharacters)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return Read(settings => XmlReader.Create(xml, settings), maxCharacters);
    }

    public static WcoReadResult Read(string xml, long maxCharacters = DefaultMaxCharacters)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return Read(settings => XmlReader.Create(new StringReader(xml), settings), maxCharacters);
    }

    private static WcoReadResult Read(Func<XmlReaderSettings, XmlReader> open, long maxCharacters)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCharacters);

        XElement? root;
        try
        {
            using var reader = open(Settings(maxCharacters));
            root = WcoXmlLoader.Load(reader, MaxDepth);
        }
        catch (XmlException ex)
        {
            return Refused(Classify(ex));
        }

        if (root is null)
        {
            return Refused(new Issue("xml.too-deep", $"The XML nests deeper than {MaxDepth} levels.", ""));
        }

        if (FindDeclaration(root) is not { } declaration)
        {
            return Refused(new Issue(
                "xml.not-a-declaration",
                $"The root element '{WcoReadContext.Shorten(root.Name.LocalName)}' is not a WCO Declaration ({WcoXml.DeclarationNamespace}), bare or in md:MetaData.",
                ""));
        }

        var context = new WcoReadContext();
        var mapped = WcoHeaderMapper.Map(declaration, context);
        return new WcoReadResult(mapped, context.Issues);
    }

    private static XmlReaderSettings Settings(long maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = MaxCharactersFromEntities,
        MaxCharactersInDocument = maxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    private static XElement? FindDeclaration(XElement root)
    {
        if (IsDeclaration(root))
        {
            return root;
        }

        return root.Name == XName.Get("MetaData", WcoXml.MetaDataNamespace)
            ? root.Elements().FirstOrDefault(IsDeclaration)
            : null;
    }

    private static bool IsDeclaration(XElement element) => element.Name == XName.Get("Declaration", WcoXml.DeclarationNamespace);

    /// <summary>
    /// XmlException carries no error code, so the reader's own (invariant-culture) messages tell a refused DTD
    /// and an exceeded size limit apart from plain malformed XML. The document's text is never echoed.
    /// </summary>
    private static Issue Classify(XmlException ex)
    {
        var where = ex.LineNumber > 0 ? $" (line {ex.LineNumber}, position {ex.LinePosition})" : "";
        if (ex.Message.Contains("DTD is prohibited", StringComparison.Ordinal))
        {
            return new Issue("xml.dtd-prohibited", $"The XML contains a document type declaration{where}; DTDs and entities are not accepted.", "");
        }

        if (ex.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
        {
            return new Issue("xml.too-large", $"The XML exceeds the size limit{where}.", "");
        }

        return new Issue("xml.malformed", $"The XML is not well-formed{where}.", "");
    }

    private static WcoReadResult Refused(Issue issue) => new(null, [issue]);
}
