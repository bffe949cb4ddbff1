using System.Globalization;

namespace SmartCustoms.Domain.Declarations.Wco;

/// <summary>
/// Translates canonical JSON Pointers (as serialized by <see cref="DeclarationJson.Options"/>) into the WCO
/// path where a DMS 3.6 declaration carries that field, so that a trader who sent XML sees errors in XML terms.
/// </summary>
public static partial class WcoPointer
{
    /// <summary>
    /// The WCO path for a canonical JSON Pointer, e.g. <c>/items/0/hsCode</c> →
    /// <c>Declaration/GoodsShipment/GovernmentAgencyGoodsItem[1]/Commodity/Classification/ID</c>. Items and
    /// containers are indexed by their sequence number in <paramref name="declaration"/>, other lists by position.
    /// A pointer with no WCO counterpart becomes <c>Declaration</c> plus its segments in PascalCase.
    /// </summary>
    public static string FromJsonPointer(string jsonPointer, Declaration declaration)
    {
        ArgumentNullException.ThrowIfNull(jsonPointer);
        ArgumentNullException.ThrowIfNull(declaration);

        var segments = Segments(jsonPointer);
        return Translate(segments, declaration) ?? Fallback(segments);
    }

    private static string? Translate(string[] segments, Declaration declaration) => segments switch
    {
        [] => "Declaration",
        [var field] when HeaderFields.TryGetValue(field, out var path) => path,
        ["invoiceAmount", .. var rest] => Amount("Declaration/InvoiceAmount", rest),
        [var party, .. var rest] when Parties.TryGetValue(party, out var path) => Party(path, rest),
        ["authorisationHolders", var i, .. var rest] when Index(i) is { } n => Field($"Declaration/AuthorisationHolder[{n + 1}]", rest, AuthorisationFields),
        ["routingCountries", var i] when Index(i) is { } n => $"Declaration/Consignment/Itinerary[{n + 1}]/RoutingCountryCode",
        ["previousDocuments", var i, .. var rest] when Index(i) is { } n => Field($"{Shipment}/PreviousDocument[{n + 1}]", rest, DocumentFields),
        ["additionalDocuments", var i, .. var rest] when Index(i) is { } n => Field($"Declaration/AdditionalDocument[{n + 1}]", rest, DocumentFields),
        ["transport", .. var rest] => Transport(rest, declaration),
        ["items", var i, .. var rest] when Index(i) is { } n => Item(n, rest, declaration),
        _ => null,
    };

    private static string? Party(string path, string[] rest) => rest switch
    {
        ["address", .. var address] => Field($"{path}/Address", address, AddressFields),
        _ => Field(path, rest, PartyFields),
    };

    private static string? Transport(string[] rest, Declaration declaration)
    {
        // The inland means is the arrival means on an import and the departure means on an export.
        var inland = $"{ShipmentConsignment}/{(declaration.IsExport ? "DepartureTransportMeans" : "ArrivalTransportMeans")}";
        return rest switch
        {
            [var field] when TransportFields.TryGetValue(field, out var path) => path,
            ["inlandMeansId"] => $"{inland}/ID",
            ["inlandMeansIdType"] => $"{inland}/IdentificationTypeCode",
            ["transportDocument", .. var document] => Field($"{ShipmentConsignment}/TransportContractDocument", document, DocumentFields),
            ["containers", var i, .. var container] when Index(i) is { } n => Container(n, container, declaration),
            _ => null,
        };
    }

    private static string? Container(int index, string[] rest, Declaration declaration)
    {
        var containers = declaration.Transport?.Containers ?? [];
        var sequence = index < containers.Count ? containers[index].Sequence ?? index + 1 : index + 1;
        var path = $"{ShipmentConsignment}/TransportEquipment[{sequence}]";
        return rest switch
        {
            ["seals", var j] when Index(j) is { } n => $"{path}/Seal[{n + 1}]/ID",
            _ => Field(path, rest, ContainerFields),
        };
    }

    private static string? Item(int index, string[] rest, Declaration declaration)
    {
        var sequence = index < declaration.Items.Count ? declaration.Items[index].Sequence ?? index + 1 : index + 1;
        var path = $"{Shipment}/GovernmentAgencyGoodsItem[{sequence}]";
        return rest switch
        {
            [var amount, .. var money] when ItemAmounts.TryGetValue(amount, out var element) => Amount($"{path}/{element}", money),
            ["packages", var j, .. var package] when Index(j) is { } n => Field($"{path}/Packaging[{n + 1}]", package, PackageFields),
            ["additionalProcedureCodes", var j] when Index(j) is { } n => $"{path}/GovernmentProcedure[{n + 2}]/CurrentCode",
            ["valuationAdjustments", var j, .. var adjustment] when Index(j) is { } n => Field($"{path}/ValuationAdjustment[{n + 1}]", adjustment, AdjustmentFields),
            ["previousDocuments", var j, .. var document] when Index(j) is { } n => Field($"{path}/PreviousDocument[{n + 1}]", document, DocumentFields),
            ["additionalDocuments", var j, .. var document] when Index(j) is { } n => Field($"{path}/AdditionalDocument[{n + 1}]", document, DocumentFields),
            _ => Field(path, rest, ItemFields),
        };
    }

    /// <summary>A WCO amount is one element: the number is its text, the currency its currencyID attribute.</summary>
    private static string? Amount(string path, string[] rest) => rest switch
    {
        [] or ["amount"] => path,
        ["currency"] => $"{path}/@currencyID",
        _ => null,
    };

    private static string? Field(string path, string[] rest, Dictionary<string, string> fields) => rest switch
    {
        [] => path,
        [var field] when fields.TryGetValue(field, out var element) => $"{path}/{element}",
        _ => null,
    };

    private static int? Index(string segment) =>
        int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < MaxIndex ? index : null;

    /// <summary>RFC 6901: segments after each '/', with ~1 for '/' and ~0 for '~'.</summary>
    private static string[] Segments(string jsonPointer) =>
        jsonPointer.Length == 0
            ? []
            : [.. jsonPointer[(jsonPointer[0] == '/' ? 1 : 0)..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    private static string Fallback(string[] segments)
    {
        var path = new System.Text.StringBuilder("Declaration");
        foreach (var segment in segments)
        {
            if (Index(segment) is { } n)
            {
                path.Append(CultureInfo.InvariantCulture, $"[{n + 1}]");
            }
            else if (segment.Length > 0)
            {
                path.Append('/').Append(char.ToUpperInvariant(segment[0])).Append(segment.AsSpan(1));
            }
        }

        return path.ToString();
    }
}
