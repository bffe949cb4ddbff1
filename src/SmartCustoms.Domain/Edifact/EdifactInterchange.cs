using SmartCustoms.Domain.Outcomes;

namespace SmartCustoms.Domain.Edifact;

/// <summary>The syntax identifier of UNB (S001): character set (UNOA..UNOY, or IATA) and syntax version.</summary>
public sealed record EdifactSyntax(string Identifier, string Version);

/// <summary>A party of UNB (S002 sender, S003 recipient): identification, code qualifier, routing address.</summary>
public sealed record EdifactParty(string Id, string Qualifier, string Routing);

/// <summary>
/// One message, UNH to UNT inclusive. <see cref="Type"/> etc. come from UNH's S009 (e.g. COPRAR : D : 95B : UN : SMDG20);
/// <see cref="Group"/> is the reference of the UNG functional group around it, if any.
/// </summary>
public sealed record EdifactMessage
{
    public required string Reference { get; init; }
    public required string Type { get; init; }
    public required string Version { get; init; }
    public required string Release { get; init; }
    public required string Agency { get; init; }
    public required string Association { get; init; }
    public string? Group { get; init; }

    /// <summary>Every segment from UNH to UNT; the typed readers look only at <see cref="Body"/>.</summary>
    public required IReadOnlyList<EdifactSegment> Segments { get; init; }

    public EdifactSegment Header => Segments[0];

    /// <summary>The segments between UNH and UNT.</summary>
    public IReadOnlyList<EdifactSegment> Body => Segments.Count <= 2 ? [] : [.. Segments.Skip(1).Take(Segments.Count - 2)];

    /// <summary>Directory as written in the standard's style, e.g. <c>D:95B</c>.</summary>
    public string Directory => Version.Length == 0 && Release.Length == 0 ? "" : Version + ":" + Release;
}

/// <summary>
/// A read interchange: the service characters in force, the UNB envelope (absent for a message sent without one, as
/// some terminal systems do; <see cref="Header"/> is then null) and its messages in order. <see cref="Warnings"/>
/// are what the reader found but did not refuse for.
/// </summary>
public sealed record EdifactInterchange
{
    public required EdifactSeparators Separators { get; init; }
    public required bool HasServiceStringAdvice { get; init; }
    public EdifactSegment? Header { get; init; }
    public EdifactSyntax? Syntax { get; init; }
    public EdifactParty? Sender { get; init; }
    public EdifactParty? Recipient { get; init; }

    /// <summary>UNB S004 as sent, date and time, e.g. <c>160414:0307</c>.</summary>
    public string? Prepared { get; init; }

    /// <summary>UNB 0020, the interchange control reference UNZ repeats.</summary>
    public string? ControlReference { get; init; }

    public required IReadOnlyList<EdifactMessage> Messages { get; init; }
    public required int SegmentCount { get; init; }
    public required IReadOnlyList<Issue> Warnings { get; init; }
}
