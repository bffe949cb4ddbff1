using System.Xml;
using System.Xml.Linq;

namespace SmartCustoms.Domain.Declarations.Wco;

/// <summary>
/// Builds the element tree node by node instead of calling <see cref="XDocument.Load(XmlReader)"/>, which has
/// no depth limit: a few kilobytes of nested tags would otherwise cost deep recursion further down the line.
/// </summary>
internal static class WcoXmlLoader
{
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    /// <summary>The root element, or null when the document nests deeper than <paramref name="maxDepth"/>.</summary>
    /// <exception cref="XmlException">The document is not well-formed, has a DTD or exceeds a reader limit.</exception>
    public static XElement? Load(XmlReader reader, int maxDepth)
    {
        XElement? root = null;
        var open = new Stack<XElement>();
        while (reader.Read())
        {
            if (reader.Depth > maxDepth)
            {
                return null;
            }

            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var isEmpty = reader.IsEmptyElement;
                    var element = ReadElement(reader);
                    if (open.TryPeek(out var parent))
                    {
                        parent.Add(element);
                    }
                    else
                    {
                        root = element;
                    }

                    if (!isEmpty)
                    {
                        open.Push(element);
                    }

                    break;
                case XmlNodeType.EndElement:
                    open.Pop();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    if (open.TryPeek(out var holder))
                    {
                        holder.Add(new XText(reader.Value));
                    }

                    break;
            }
        }

        return root;
    }

    private static XElement ReadElement(XmlReader reader)
    {
        var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                // Namespace declarations are resolved into element names already; copying them would only clash.
                if (!string.Equals(reader.NamespaceURI, XmlnsNamespace, StringComparison.Ordinal))
                {
                    element.SetAttributeValue(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value);
                }
            }
            while (reader.MoveToNextAttribute());

            reader.MoveToElement();
        }

        return element;
    }
}
