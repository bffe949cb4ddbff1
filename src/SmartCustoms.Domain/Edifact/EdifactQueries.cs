namespace SmartCustoms.Domain.Edifact;

/// <summary>The few ways message readers look at a run of segments: the first or all of a tag, and segment groups.</summary>
public static class EdifactQueries
{
    public static EdifactSegment? First(this IReadOnlyList<EdifactSegment> segments, string tag, string? qualifier = null)
    {
        ArgumentNullException.ThrowIfNull(segments);
        foreach (var segment in segments)
        {
            if (segment.Is(tag, qualifier))
            {
                return segment;
            }
        }

        return null;
    }

    public static IEnumerable<EdifactSegment> All(this IReadOnlyList<EdifactSegment> segments, string tag, string? qualifier = null)
    {
        ArgumentNullException.ThrowIfNull(segments);
        return segments.Where(s => s.Is(tag, qualifier));
    }

    /// <summary>
    /// The segment groups that start with a <paramref name="trigger"/> segment, each running to the next trigger or to
    /// the first segment tagged one of <paramref name="ends"/> (e.g. EQD groups end at CNT). Segments before the
    /// first trigger belong to no group.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<EdifactSegment>> Groups(
        this IReadOnlyList<EdifactSegment> segments, string trigger, string? qualifier = null, params string[] ends)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(ends);
        var groups = new List<IReadOnlyList<EdifactSegment>>();
        List<EdifactSegment>? current = null;
        foreach (var segment in segments)
        {
            if (segment.Is(trigger, qualifier))
            {
                current = [segment];
                groups.Add(current);
            }
            else if (ends.Contains(segment.Tag, StringComparer.Ordinal))
            {
                current = null;
            }
            else
            {
                current?.Add(segment);
            }
        }

        return groups;
    }
}
