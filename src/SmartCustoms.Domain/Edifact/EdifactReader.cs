using System.Globalization;
using SmartCustoms.Domain.Outcomes;

namespace SmartCustoms.Domain.Edifact;

/// <summary>
/// Reads one UN/EDIFACT interchange (ISO 9735, syntax versions 1 to 4): the UNA service string advice with any
/// separators, the release character, segments, elements, components and repetitions, and the UNB/UNG/UNH envelopes
/// with their counts and references checked against UNT, UNE and UNZ. Every fault is an <see cref="Issue"/> naming
/// the segment, its number, line and byte offset; the reader never throws on input.
/// </summary>
public static class EdifactReader
{
    private const string Title = "EDIFACT interchange refused";

    public static Outcome<EdifactInterchange> Read(ReadOnlySpan<byte> input, EdifactOptions? options = null)
    {
        options ??= EdifactOptions.Default;
        if (input.Length > options.MaxBytes)
        {
            return Refusal.Single(RefusalKind.TooLarge, Title, string.Create(CultureInfo.InvariantCulture,
                $"The interchange has {input.Length} bytes; this node reads at most {options.MaxBytes}."), EdifactIssues.TooLarge);
        }

        var start = 0;
        while (start < input.Length && input[start] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t')
        {
            start++;
        }

        if (input[start..].StartsWith("\uFEFF"u8))
        {
            start += 3;
        }

        if (start >= input.Length)
        {
            return Refusal.Single(RefusalKind.Invalid, Title, "The input is empty: an interchange starts with UNA or UNB.", EdifactIssues.Empty);
        }

        var separators = EdifactSeparators.Default;
        var hasUna = input[start..].StartsWith("UNA"u8);
        if (hasUna)
        {
            if (!ReadUna(input, start, out separators, out var unaIssue))
            {
                return Refusal.Invalid(Title, [unaIssue]);
            }

            start += 9;
        }

        var tokenizer = new EdifactTokenizer(input, start, separators, options);
        var envelope = new EnvelopeCheck(options);
        var first = true;
        while (true)
        {
            var segment = tokenizer.Next(out var fault);
            if (fault is not null)
            {
                envelope.Fail(fault);
                break;
            }

            if (segment is null)
            {
                break;
            }

            if (first && segment.Tag == "UNB")
            {
                ReadSyntax(segment, hasUna, ref tokenizer, envelope);
            }

            first = false;
            if (!envelope.Take(segment))
            {
                break;
            }
        }

        var issues = envelope.Finish(tokenizer.Warnings);
        if (issues.Any(i => i.Severity == IssueSeverity.Error))
        {
            return Refusal.Invalid(Title, [.. issues.OrderBy(i => i.Severity)]);
        }

        return new EdifactInterchange
        {
            Separators = tokenizer.Separators,
            HasServiceStringAdvice = hasUna,
            Header = envelope.Header,
            Syntax = envelope.Header is { } unb ? new EdifactSyntax(unb.Value(0, 0), unb.Value(0, 1)) : null,
            Sender = envelope.Header is { } s ? new EdifactParty(s.Value(1, 0), s.Value(1, 1), s.Value(1, 2)) : null,
            Recipient = envelope.Header is { } r ? new EdifactParty(r.Value(2, 0), r.Value(2, 1), r.Value(2, 2)) : null,
            Prepared = envelope.Header is { } p ? string.Join(':', p.Element(3).Components) : null,
            ControlReference = envelope.Header?.Value(4),
            Messages = envelope.Messages,
            SegmentCount = envelope.Segments,
            Warnings = issues,
        };
    }

    private static bool ReadUna(ReadOnlySpan<byte> input, int start, out EdifactSeparators separators, out Issue issue)
    {
        separators = EdifactSeparators.Default;
        issue = null!;
        var pointer = string.Create(CultureInfo.InvariantCulture, $"segment 0 (UNA), line 1, byte {start}");
        if (input.Length - start < 9)
        {
            issue = new Issue(EdifactIssues.ServiceStringAdvice, "The UNA service string advice must name six service characters after \"UNA\"; the input ends before.", pointer) { Line = 1 };
            return false;
        }

        ReadOnlySpan<string> names = ["component separator", "element separator", "decimal mark", "release character", "repetition separator", "segment terminator"];
        var chars = new char[6];
        for (var i = 0; i < 6; i++)
        {
            var b = input[start + 3 + i];
            if (b >= 0x80 || char.IsAsciiLetterOrDigit((char)b) || (b is (byte)' ' or (byte)'\r' or (byte)'\n' && i is not (4 or 5)))
            {
                issue = new Issue(EdifactIssues.ServiceStringAdvice, string.Create(CultureInfo.InvariantCulture,
                    $"The UNA {names[i]} is byte 0x{b:X2}; service characters are single printable 7-bit characters other than letters and digits."), pointer) { Line = 1 };
                return false;
            }

            chars[i] = (char)b;
        }

        char? repetition = chars[4] == ' ' ? null : chars[4];
        char[] distinct = [chars[0], chars[1], chars[3], chars[5], .. repetition is { } r ? [r] : Array.Empty<char>()];
        if (distinct.Distinct().Count() != distinct.Length)
        {
            issue = new Issue(EdifactIssues.ServiceStringAdvice,
                $"The UNA names the same character for two purposes (\"{new string(chars)}\"); component, element, release, repetition and segment characters must differ.", pointer) { Line = 1 };
            return false;
        }

        separators = new EdifactSeparators(chars[0], chars[1], chars[2], chars[3], repetition, chars[5]);
        return true;
    }

    private static void ReadSyntax(EdifactSegment unb, bool hasUna, ref EdifactTokenizer tokenizer, EnvelopeCheck envelope)
    {
        var identifier = unb.Value(0, 0);
        var version = unb.Value(0, 1);
        if (EdifactCharset.For(identifier) is { } charset)
        {
            tokenizer.Charset = charset;
        }
        else
        {
            envelope.Warn(new Issue(EdifactIssues.Syntax,
                $"The syntax identifier \"{identifier}\" is not one of UNOA to UNOY (or IATA); values are read as 7-bit text.", unb.Pointer(0), IssueSeverity.Warning)
            { Line = unb.Position.Line });
        }

        if (!hasUna && version == "4")
        {
            tokenizer.Separators = EdifactSeparators.Version4;
        }
    }
}
