using System.Globalization;

namespace SmartCustoms.Domain.Declarations.Wco;

public static partial class WcoPointer
{
    /// <summary>
    /// The DMS error-pointer steps for a WCO path: one step per class with its section code and sequence,
    /// the data element's tag on the last one. For example
    /// <c>Declaration/GoodsShipment/GovernmentAgencyGoodsItem[2]/Commodity/GoodsMeasure/GrossMassMeasure</c> gives
    /// 42A, 67A, 68A #2, 23A, 65A with tag 126. The list is
    /// empty when a segment is not in the DMS 3.6 declaration schema, since a made-up code would mislead.
    /// </summary>
    public static IReadOnlyList<WcoPointerStep> Steps(string wcoPath)
    {
        ArgumentNullException.ThrowIfNull(wcoPath);

        var steps = new List<WcoPointerStep>();
        WcoSchemaIds.ClassIds? parent = null;
        foreach (var segment in wcoPath.Split('/'))
        {
            // An attribute, or the DateTimeString inside a date data element, is reported at that data element.
            if ((segment.StartsWith('@') && steps.Count > 0) || (string.Equals(segment, "DateTimeString", StringComparison.Ordinal) && steps is [.., { TagId: not null }]))
            {
                continue;
            }

            if (Segment(segment) is not var (name, sequence) || steps is [.., { TagId: not null }])
            {
                return [];
            }

            if (parent is not null && sequence is null && parent.Tags.TryGetValue(name, out var tag))
            {
                steps[^1] = steps[^1] with { TagId = tag };
            }
            else if (WcoSchemaIds.Classes.TryGetValue(name, out var ids) && (steps.Count == 0) == string.Equals(name, "Declaration", StringComparison.Ordinal))
            {
                steps.Add(new WcoPointerStep(ids.SectionCode, sequence));
                parent = ids;
            }
            else
            {
                return [];
            }
        }

        return steps;
    }

    /// <summary>"Name" or "Name[n]".</summary>
    private static (string Name, int? Sequence)? Segment(string segment)
    {
        var open = segment.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return segment.Length > 0 ? (segment, null) : null;
        }

        return segment.EndsWith(']')
            && int.TryParse(segment.AsSpan(open + 1, segment.Length - open - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? (segment[..open], sequence)
            : null;
    }
}
