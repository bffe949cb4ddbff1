using System.Globalization;
using SmartCustoms.Domain.Outcomes;

namespace SmartCustoms.Domain.Edifact;

/// <summary>
/// Follows the envelopes segment by segment: UNB..UNZ around UNG..UNE groups (optional) around UNH..UNT messages, and
/// checks what the trailers count and repeat: UNT the message's segments and reference, UNE the group's messages and
/// reference, UNZ the messages (or groups) and the interchange reference.
/// </summary>
internal sealed class EnvelopeCheck(EdifactOptions options)
{
    private readonly List<Issue> _issues = [];
    private readonly List<EdifactMessage> _messages = [];
    private List<EdifactSegment>? _message;
    private EdifactSegment? _group;
    private int _groupMessages;
    private int _groups;
    private EdifactSegment? _trailer;
    private bool _stopped;

    public EdifactSegment? Header { get; private set; }
    public IReadOnlyList<EdifactMessage> Messages => _messages;
    public int Segments { get; private set; }

    public void Fail(Issue fault)
    {
        Add(fault);
        _stopped = true;
    }

    public void Warn(Issue warning) => Add(warning);

    /// <summary>Takes the next segment; false when the reader should stop.</summary>
    public bool Take(EdifactSegment segment)
    {
        Segments++;
        if (_trailer is not null)
        {
            Fail(Error(EdifactIssues.AfterInterchange, $"The {segment.Tag} segment follows UNZ, which ends the interchange.", segment));
            return false;
        }

        switch (segment.Tag)
        {
            case "UNB" when Segments == 1:
                Header = segment;
                break;
            case "UNB":
                Fail(Error(EdifactIssues.OutsideMessage, "A second UNB: one input holds one interchange.", segment));
                return false;
            case "UNG":
                CloseMessage(segment);
                CloseGroup(segment);
                _group = segment;
                _groupMessages = 0;
                _groups++;
                break;
            case "UNE":
                CloseMessage(segment);
                CheckGroup(segment);
                break;
            case "UNH":
                CloseMessage(segment);
                OpenMessage(segment);
                break;
            case "UNT" when _message is null:
                Add(Error(EdifactIssues.OutsideMessage, "A UNT without the UNH that starts its message.", segment));
                break;
            case "UNT":
                _message.Add(segment);
                CheckMessage(segment);
                break;
            case "UNZ":
                CloseMessage(segment);
                CloseGroup(segment);
                CheckInterchange(segment);
                break;
            default:
                if (_message is null)
                {
                    Add(Error(EdifactIssues.OutsideMessage, $"The {segment.Tag} segment stands outside any message (UNH to UNT).", segment));
                }
                else
                {
                    _message.Add(segment);
                }

                break;
        }

        return !_stopped;
    }

    public IReadOnlyList<Issue> Finish(IReadOnlyList<Issue> readerWarnings)
    {
        _issues.AddRange(readerWarnings);
        if (_stopped)
        {
            return _issues;
        }

        if (_message is not null)
        {
            Add(Error(EdifactIssues.MessageTrailerMissing, $"The message \"{_message[0].Value(0)}\" has no UNT: the input ends inside it.", _message[0]));
        }

        if (_group is not null)
        {
            Add(Error(EdifactIssues.GroupTrailerMissing, $"The functional group \"{_group.Value(4)}\" has no UNE: the input ends inside it.", _group));
        }

        if (Header is not null && _trailer is null)
        {
            Add(Error(EdifactIssues.InterchangeTrailerMissing, $"The interchange \"{Header.Value(4)}\" has no UNZ: the input ends before it.", Header));
        }

        if (Header is null && _messages.Count > 0)
        {
            Add(new Issue(EdifactIssues.NoInterchangeHeader, "The messages come without a UNB interchange header (and UNZ trailer): sender, recipient and charset are unknown.",
                _messages[0].Header.Pointer(), IssueSeverity.Warning) { Line = _messages[0].Header.Position.Line });
        }

        if (_messages.Count == 0 && !_issues.Any(i => i.Severity == IssueSeverity.Error))
        {
            Add(new Issue(EdifactIssues.Empty, "The interchange holds no message (UNH to UNT).", Header?.Pointer() ?? "") { Line = Header?.Position.Line });
        }

        return _issues;
    }

    private void OpenMessage(EdifactSegment unh)
    {
        _message = [unh];
        if (unh.ValueOrNull(0) is null)
        {
            Add(Error(EdifactIssues.MessageHeader, "UNH names no message reference (0062).", unh, 0));
        }
    }

    private void CloseMessage(EdifactSegment next)
    {
        if (_message is null)
        {
            return;
        }

        Add(Error(EdifactIssues.MessageTrailerMissing,
            $"The message \"{_message[0].Value(0)}\" that starts at {_message[0].Pointer()} has no UNT before this {next.Tag}.", next));
        _message = null;
    }

    private void CheckMessage(EdifactSegment unt)
    {
        var segments = _message!;
        var unh = segments[0];
        CheckCount(unt, EdifactIssues.MessageSegmentCount, segments.Count, "segments", $"from UNH at {unh.Pointer()} to UNT");
        CheckReference(unt, 1, EdifactIssues.MessageReference, unh.Value(0), "message reference", "UNH");
        _messages.Add(new EdifactMessage
        {
            Reference = unh.Value(0),
            Type = unh.Value(1, 0),
            Version = unh.Value(1, 1),
            Release = unh.Value(1, 2),
            Agency = unh.Value(1, 3),
            Association = unh.Value(1, 4),
            Group = _group?.Value(4),
            Segments = segments,
        });
        _groupMessages++;
        _message = null;
    }

    private void CloseGroup(EdifactSegment next)
    {
        if (_group is null)
        {
            return;
        }

        Add(Error(EdifactIssues.GroupTrailerMissing, $"The functional group \"{_group.Value(4)}\" that starts at {_group.Pointer()} has no UNE before this {next.Tag}.", next));
        _group = null;
    }

    private void CheckGroup(EdifactSegment une)
    {
        if (_group is null)
        {
            Add(Error(EdifactIssues.OutsideMessage, "A UNE without the UNG that starts its functional group.", une));
            return;
        }

        CheckCount(une, EdifactIssues.GroupMessageCount, _groupMessages, "messages", "in the functional group");
        CheckReference(une, 1, EdifactIssues.GroupReference, _group.Value(4), "group reference", "UNG");
        _group = null;
    }

    private void CheckInterchange(EdifactSegment unz)
    {
        _trailer = unz;
        if (Header is null)
        {
            Add(Error(EdifactIssues.OutsideMessage, "A UNZ without the UNB that starts its interchange.", unz));
            return;
        }

        var (count, what) = _groups > 0 ? (_groups, "functional groups") : (_messages.Count, "messages");
        CheckCount(unz, EdifactIssues.InterchangeCount, count, what, "in the interchange");
        CheckReference(unz, 1, EdifactIssues.InterchangeReference, Header.Value(4), "interchange control reference", "UNB");
    }

    private void CheckCount(EdifactSegment trailer, string code, int actual, string what, string where)
    {
        var text = trailer.Value(0);
        if (text.Length == 0 || text.Length > 9 || !text.All(char.IsAsciiDigit))
        {
            Add(Error(code, $"{trailer.Tag} must give the number of {what} {where} ({actual}); it gives \"{text}\".", trailer, 0));
            return;
        }

        var stated = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        if (stated != actual)
        {
            Add(new Issue(code, string.Create(CultureInfo.InvariantCulture,
                $"{trailer.Tag} says {stated} {what}; there are {actual} {where}."), trailer.Pointer(0), options.ControlMismatch)
            { Line = trailer.Position.Line });
        }
    }

    private void CheckReference(EdifactSegment trailer, int element, string code, string expected, string what, string header)
    {
        var found = trailer.Value(element);
        if (!string.Equals(found, expected, StringComparison.Ordinal))
        {
            var said = found.Length == 0 ? "gives none" : $"gives \"{found}\"";
            Add(new Issue(code, $"{trailer.Tag} must repeat the {what} \"{expected}\" of its {header}; it {said}.", trailer.Pointer(element), options.ControlMismatch)
            { Line = trailer.Position.Line });
        }
    }

    private void Add(Issue issue)
    {
        if (_issues.Count >= options.MaxIssues)
        {
            if (!_stopped)
            {
                _issues.Add(new Issue(EdifactIssues.TooManyIssues, string.Create(CultureInfo.InvariantCulture, $"More than {options.MaxIssues} issues; the reader stopped."), issue.Pointer) { Line = issue.Line });
            }

            _stopped = true;
            return;
        }

        _issues.Add(issue);
    }

    private static Issue Error(string code, string message, EdifactSegment segment, int? element = null) =>
        new(code, message, segment.Pointer(element)) { Line = segment.Position.Line };
}
