using System.Globalization;
using SmartCustoms.Domain.Outcomes;

namespace SmartCustoms.Domain.Edifact;

/// <summary>
/// Bytes to segments. Works on bytes, so that positions are byte offsets and the charset only decodes values: every
/// charset ISO 9735 names keeps the service characters single-byte. Line breaks, and spaces or tabs before a tag, are
/// layout (several senders put one segment per line, some break lines inside values) and are not part of any value.
/// Stops at the first fault in the syntax: past it the segment boundaries are guesses.
/// </summary>
internal ref struct EdifactTokenizer
{
    private readonly ReadOnlySpan<byte> _input;
    private readonly EdifactOptions _options;
    private readonly List<byte> _value = [];
    private int _at;
    private int _line = 1;
    private int _lineStart;
    private int _segments;
    private bool _reportedCharset;

    public EdifactTokenizer(ReadOnlySpan<byte> input, int start, EdifactSeparators separators, EdifactOptions options)
    {
        _input = input;
        _options = options;
        Separators = separators;
        for (var i = 0; i < start; i++)
        {
            Advance(i);
        }

        _at = start;
    }

    public EdifactSeparators Separators { get; set; }
    public EdifactCharset Charset { get; set; } = EdifactCharset.Initial;
    public List<Issue> Warnings { get; } = [];

    /// <summary>The next segment; null at the end of input, or with <paramref name="fault"/> set when the syntax breaks.</summary>
    public EdifactSegment? Next(out Issue? fault)
    {
        fault = null;
        SkipLayout();
        if (_at >= _input.Length)
        {
            return null;
        }

        var position = new EdifactPosition(_segments + 1, _line, _at - _lineStart + 1, _at);
        if (++_segments > _options.MaxSegments)
        {
            fault = new Issue(EdifactIssues.TooManySegments, string.Create(CultureInfo.InvariantCulture,
                $"The interchange has more than {_options.MaxSegments} segments, the most this node reads."), position.Pointer("?"))
            { Line = position.Line };
            return null;
        }

        var tagEnd = _at;
        while (tagEnd < _input.Length && tagEnd - _at < 4 && IsTagByte(_input[tagEnd]))
        {
            tagEnd++;
        }

        var tag = System.Text.Encoding.ASCII.GetString(_input[_at..tagEnd]);
        var next = tagEnd < _input.Length ? (char)_input[tagEnd] : '\0';
        if (tag.Length != 3 || (next != Separators.Element && next != Separators.Segment && next != Separators.Component))
        {
            var seen = Printable(_input.Slice(_at, Math.Min(12, _input.Length - _at)));
            fault = Fault(EdifactIssues.SegmentTag, $"A segment must start with a three-letter tag such as UNH or EQD; found \"{seen}\".", position, "?");
            return null;
        }

        _at = tagEnd;
        return ReadElements(tag, position, out fault);
    }

    private EdifactSegment? ReadElements(string tag, EdifactPosition position, out Issue? fault)
    {
        fault = null;
        var separators = Separators;
        var elements = new List<EdifactElement>();
        List<IReadOnlyList<string>>? repetitions = null;
        List<string>? components = null;
        var started = false;
        while (_at < _input.Length)
        {
            var b = _input[_at];
            var c = (char)b;
            if (c == separators.Release && b < 0x80)
            {
                if (_at + 1 >= _input.Length)
                {
                    fault = Fault(EdifactIssues.Unterminated, $"The {tag} segment ends with a release character \"{separators.Release}\" and no character after it.", position, tag);
                    return null;
                }

                _at++;
                if (!Append(_input[_at], tag, position, elements.Count, out fault))
                {
                    return null;
                }

                _at++;
                continue;
            }

            var separator = c == separators.Element || c == separators.Component || c == separators.Segment || c == separators.Repetition;
            if (!separator || b >= 0x80)
            {
                if (b == (byte)'\n')
                {
                    Advance(_at);
                }
                else if (b != (byte)'\r' && !Append(b, tag, position, elements.Count, out fault))
                {
                    return null;
                }

                _at++;
                continue;
            }

            // The tag is followed directly by its first element separator; there is no element to close yet.
            if (started)
            {
                components ??= [];
                components.Add(TakeValue(tag, position));
                if (c != separators.Component)
                {
                    repetitions ??= [];
                    repetitions.Add(components);
                    components = null;
                    if (repetitions.Count > _options.MaxComponents)
                    {
                        fault = TooManyParts(tag, position, elements.Count);
                        return null;
                    }
                }
                else if (components.Count >= _options.MaxComponents)
                {
                    fault = TooManyParts(tag, position, elements.Count);
                    return null;
                }

                if (c == separators.Element || c == separators.Segment)
                {
                    elements.Add(new EdifactElement(repetitions!));
                    repetitions = null;
                    if (elements.Count > _options.MaxElements)
                    {
                        fault = Fault(EdifactIssues.TooLarge, string.Create(CultureInfo.InvariantCulture,
                            $"The {tag} segment has more than {_options.MaxElements} data elements, the most this node reads."), position, tag);
                        return null;
                    }
                }
            }
            else if (c == separators.Component || c == separators.Repetition)
            {
                fault = Fault(EdifactIssues.SegmentTag, $"The {tag} tag is followed by \"{c}\"; a tag ends with the element separator \"{separators.Element}\".", position, tag);
                return null;
            }

            started = true;
            _at++;
            if (c == separators.Segment)
            {
                if (b == (byte)'\n')
                {
                    Advance(_at - 1);
                }

                return new EdifactSegment(tag, elements, position);
            }
        }

        fault = Fault(EdifactIssues.Unterminated, $"The {tag} segment is not ended by the segment terminator \"{Printable(separators.Segment)}\": the input stops inside it.", position, tag);
        return null;
    }

    private bool Append(byte b, string tag, EdifactPosition position, int element, out Issue? fault)
    {
        fault = null;
        if (_value.Count >= _options.MaxValueLength)
        {
            fault = Fault(EdifactIssues.TooLarge, string.Create(CultureInfo.InvariantCulture,
                $"A value of the {tag} segment is longer than {_options.MaxValueLength} bytes, the most this node reads."), position, tag, element + 1);
            return false;
        }

        _value.Add(b);
        return true;
    }

    private string TakeValue(string tag, EdifactPosition position)
    {
        if (_value.Count == 0)
        {
            return "";
        }

        var value = Charset.Decode(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_value), out var suspect);
        if (suspect && !_reportedCharset)
        {
            _reportedCharset = true;
            var name = Charset.Identifier.Length == 0 ? "the service segments' 7-bit set" : Charset.Identifier;
            Warnings.Add(new Issue(EdifactIssues.Charset,
                $"A value holds bytes outside {name}; it was read as {(System.Text.Unicode.Utf8.IsValid(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_value)) ? "UTF-8" : "Latin-1")}: \"{value}\".",
                position.Pointer(tag), IssueSeverity.Warning) { Line = position.Line });
        }

        _value.Clear();
        return value;
    }

    private void SkipLayout()
    {
        while (_at < _input.Length)
        {
            var b = _input[_at];
            if (b == (byte)'\n')
            {
                Advance(_at);
            }
            else if (b is not ((byte)'\r' or (byte)' ' or (byte)'\t') && !(b == 0xEF && _at + 2 < _input.Length && _input[_at + 1] == 0xBB && _input[_at + 2] == 0xBF))
            {
                return;
            }

            _at += b == 0xEF ? 3 : 1;
        }
    }

    private void Advance(int at)
    {
        if (_input[at] == (byte)'\n')
        {
            _line++;
            _lineStart = at + 1;
        }
    }

    private Issue TooManyParts(string tag, EdifactPosition position, int element) =>
        Fault(EdifactIssues.TooLarge, string.Create(CultureInfo.InvariantCulture,
            $"A data element of the {tag} segment has more than {_options.MaxComponents} components or repetitions, the most this node reads."), position, tag, element + 1);

    private static Issue Fault(string code, string message, EdifactPosition position, string tag, int? element = null) =>
        new(code, message, position.Pointer(tag, element)) { Line = position.Line };

    private static bool IsTagByte(byte b) => b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9');

    internal static string Printable(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        _ => c.ToString(),
    };

    internal static string Printable(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = bytes[i] is >= 0x20 and < 0x7F ? (char)bytes[i] : '·';
        }

        return new string(chars);
    }
}
