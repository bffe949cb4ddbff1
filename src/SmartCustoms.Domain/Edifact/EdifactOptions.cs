using SmartCustoms.Domain.Outcomes;

namespace SmartCustoms.Domain.Edifact;

/// <summary>
/// What the reader accepts. The limits bound the memory one interchange can take, whatever its bytes say: the reader
/// refuses input past them with an issue naming the segment, before it allocates for it.
/// </summary>
public sealed record EdifactOptions
{
    public static EdifactOptions Default { get; } = new();

    /// <summary>Largest interchange, in bytes.</summary>
    public int MaxBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Most segments in one interchange (UNB to UNZ).</summary>
    public int MaxSegments { get; init; } = 500_000;

    /// <summary>Longest value of one component (or simple element), in bytes after release characters are removed.</summary>
    public int MaxValueLength { get; init; } = 4_096;

    /// <summary>Most data elements in one segment.</summary>
    public int MaxElements { get; init; } = 255;

    /// <summary>Most components and repetitions in one data element.</summary>
    public int MaxComponents { get; init; } = 255;

    /// <summary>Most issues reported; past them the reader stops and says so.</summary>
    public int MaxIssues { get; init; } = 100;

    /// <summary>
    /// How a control count or reference that disagrees (UNT, UNE, UNZ) is reported: an error refuses the interchange,
    /// a warning keeps it readable for senders known to miscount.
    /// </summary>
    public IssueSeverity ControlMismatch { get; init; } = IssueSeverity.Error;
}
