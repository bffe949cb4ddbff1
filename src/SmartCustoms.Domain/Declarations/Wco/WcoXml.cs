using System.Globalization;
using System.Xml.Linq;

namespace SmartCustoms.Domain.Declarations.Wco;

/// <summary>
/// Navigation by local name: the WCO classes live in the DEC-DMS namespace, but some children
/// (<c>p1:DateTimeString</c>) come from the data-set schemas, and trader software is loose about prefixes.
/// </summary>
internal static class WcoXml
{
    public const string DeclarationNamespace = "urn:wco:datamodel:WCO:DEC-DMS:2";
    public const string MetaDataNamespace = "urn:wco:datamodel:WCO:DocumentMetaData-DMS:2";

    /// <summary>Elements the DMS 3.6 schema lets repeat (maxOccurs above 1): these always carry an index in a pointer.</summary>
    private static readonly HashSet<string> Repeatable = new(StringComparer.Ordinal)
    {
        "AEOMutualRecognitionParty", "AdditionalDocument", "AdditionalInformation", "Amendment", "AuthorisationHolder",
        "ChargeDeduction", "Classification", "ConsignmentItem", "CurrencyExchange", "DangerousGoods",
        "DomesticDutyTaxParty", "DutyTaxFee", "GovernmentAgencyGoodsItem", "GovernmentProcedure", "Itinerary",
        "ObligationGuarantee", "Origin", "Packaging", "Pointer", "PreviousDocument", "Seal", "TransportEquipment",
    };

    public static bool Is(this XElement element, string localName) =>
        string.Equals(element.Name.LocalName, localName, StringComparison.Ordinal);

    public static XElement? Child(this XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Is(localName));

    public static IEnumerable<XElement> Children(this XElement? parent, string localName) =>
        parent?.Elements().Where(e => e.Is(localName)) ?? [];

    public static XElement? Path(this XElement? element, params ReadOnlySpan<string> localNames)
    {
        foreach (var name in localNames)
        {
            element = element.Child(name);
        }

        return element;
    }

    /// <summary>The trimmed text of an element, or null when it is absent or blank.</summary>
    public static string? Text(this XElement? element) =>
        element is null || string.IsNullOrWhiteSpace(element.Value) ? null : element.Value.Trim();

    public static string? Text(this XElement? parent, params ReadOnlySpan<string> localNames) => parent.Path(localNames).Text();

    public static string? AttributeText(this XElement? element, string localName)
    {
        var value = element?.Attributes().FirstOrDefault(a => string.Equals(a.Name.LocalName, localName, StringComparison.Ordinal))?.Value;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>
    /// The WCO path of an element from <c>Declaration</c> down. Repeatable elements are indexed by their
    /// SequenceNumeric when it reads as a number, else by their 1-based position among same-named siblings.
    /// </summary>
    public static string PointerOf(XElement element)
    {
        var steps = new List<string>();
        for (var e = element; e is not null; e = e.Parent)
        {
            steps.Add(Repeatable.Contains(e.Name.LocalName) ? $"{e.Name.LocalName}[{IndexOf(e)}]" : e.Name.LocalName);
            if (e.Is("Declaration"))
            {
                break;
            }
        }

        steps.Reverse();
        return string.Join('/', steps);
    }

    public static string PointerOfAttribute(XElement element, string attribute) => $"{PointerOf(element)}/@{attribute}";

    private static int IndexOf(XElement element)
    {
        if (int.TryParse(element.Text("SequenceNumeric"), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return sequence;
        }

        return element.ElementsBeforeSelf().Count(e => e.Name == element.Name) + 1;
    }
}
