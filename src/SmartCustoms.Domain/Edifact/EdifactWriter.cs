using System.Text;

namespace SmartCustoms.Domain.Edifact;

/// <summary>
/// Writes segments with the given service characters, releasing every service character inside a value, so that
/// <see cref="EdifactReader"/> gives the same values back. Line breaks between segments are layout and optional.
/// </summary>
public static class EdifactWriter
{
    public static string Write(IEnumerable<EdifactSegment> segments, EdifactSeparators separators, bool withUna = true, bool lineBreaks = false)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(separators);
        var text = new StringBuilder();
        if (withUna)
        {
            text.Append(separators.ToUna());
        }

        foreach (var segment in segments)
        {
            text.Append(segment.Tag);
            foreach (var element in segment.Elements)
            {
                text.Append(separators.Element);
                for (var r = 0; r < element.Repetitions.Count; r++)
                {
                    if (r > 0)
                    {
                        text.Append(separators.Repetition ?? throw new ArgumentException("The separators name no repetition separator.", nameof(separators)));
                    }

                    var components = element.Repetitions[r];
                    for (var c = 0; c < components.Count; c++)
                    {
                        if (c > 0)
                        {
                            text.Append(separators.Component);
                        }

                        Release(text, components[c], separators);
                    }
                }
            }

            text.Append(separators.Segment);
            if (lineBreaks)
            {
                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static void Release(StringBuilder text, string value, EdifactSeparators separators)
    {
        foreach (var c in value)
        {
            if (separators.IsSeparator(c))
            {
                text.Append(separators.Release);
            }

            text.Append(c);
        }
    }
}
