using System.Globalization;

namespace SmartCustoms.Domain.ReferenceData;

/// <summary>
/// UN/LOCODE kept as the embedded text plus the start of each line, searched by binary search.
/// Materialising 116k records up front cost ~200 ms and ~25 MB of heap for a table consulted a few times
/// per declaration; this loads in a few milliseconds and builds a <see cref="Location"/> only when asked.
/// </summary>
internal sealed class LocationIndex
{
    private const string FileName = "unlocode.csv";
    private const string Header = "country,location,name,function";

    // Every line starts "CC,LLL," so the key can be compared in place.
    private const int KeyPrefixLength = 7;

    private readonly string text;
    private readonly int[] lineStarts;

    private LocationIndex(string text, int[] lineStarts)
    {
        this.text = text;
        this.lineStarts = lineStarts;
    }

    public int Count => lineStarts.Length;

    public static LocationIndex Load()
    {
        var text = CsvLines.ReadResource(FileName);
        var starts = new List<int>(120_000);
        var span = text.AsSpan();
        var position = 0;
        ReadOnlySpan<char> previous = default;
        while (position < span.Length)
        {
            var length = span[position..].IndexOf('\n');
            // CR tolerated in case a checkout converts line ends despite Data/.gitattributes.
            var line = (length < 0 ? span[position..] : span[position..(position + length)]).TrimEnd('\r');
            if (position == 0)
            {
                if (!line.SequenceEqual(Header))
                {
                    throw new InvalidDataException($"{FileName}: expected header '{Header}'.");
                }
            }
            else if (!line.IsEmpty)
            {
                // Binary search is only correct on strictly ascending, well-shaped keys; refuse anything else.
                if (!HasKeyShape(line) || (!previous.IsEmpty && CompareKeys(previous, line) >= 0))
                {
                    var lineNumber = (starts.Count + 2).ToString(CultureInfo.InvariantCulture);
                    throw new InvalidDataException($"{FileName} line {lineNumber}: malformed, duplicate or out-of-order code.");
                }
                starts.Add(position);
                previous = line;
            }
            position += length < 0 ? span.Length - position : length + 1;
        }
        return new LocationIndex(text, [.. starts]);
    }

    public bool Contains(string code) => IndexOf(code) >= 0;

    public Location? Find(string code)
    {
        var index = IndexOf(code);
        if (index < 0)
        {
            return null;
        }
        var fields = new CsvFields(LineAt(index), FileName, index + 2);
        var country = fields.NextString();
        _ = fields.Next();
        var location = new Location(code, country, fields.NextString(), fields.NextString());
        fields.EnsureConsumed();
        return location;
    }

    private int IndexOf(string code)
    {
        if (code.Length != 5)
        {
            return -1;
        }
        Span<char> key = [code[0], code[1], ',', code[2], code[3], code[4], ','];
        int low = 0, high = lineStarts.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var comparison = text.AsSpan(lineStarts[middle], KeyPrefixLength).SequenceCompareTo(key);
            if (comparison == 0)
            {
                return middle;
            }
            if (comparison < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return -1;
    }

    private ReadOnlySpan<char> LineAt(int index)
    {
        var start = lineStarts[index];
        var end = index + 1 < lineStarts.Length ? lineStarts[index + 1] : text.Length;
        return text.AsSpan(start, end - start).TrimEnd("\r\n");
    }

    private static bool HasKeyShape(ReadOnlySpan<char> line) =>
        line.Length > KeyPrefixLength
        && char.IsAsciiLetterUpper(line[0]) && char.IsAsciiLetterUpper(line[1]) && line[2] == ','
        && IsCodeChar(line[3]) && IsCodeChar(line[4]) && IsCodeChar(line[5]) && line[6] == ',';

    private static bool IsCodeChar(char c) => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c);

    private static int CompareKeys(ReadOnlySpan<char> left, ReadOnlySpan<char> right) =>
        left[..KeyPrefixLength].SequenceCompareTo(right[..KeyPrefixLength]);
}
