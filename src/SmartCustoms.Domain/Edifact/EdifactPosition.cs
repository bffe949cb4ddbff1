using System.Globalization;

namespace SmartCustoms.Domain.Edifact;

/// <summary>
/// Where a segment starts: its number in the interchange (1 for the first segment after any UNA), its line (1-based),
/// column (1-based, in bytes) and byte offset (0-based) in the input.
/// </summary>
public readonly record struct EdifactPosition(int Segment, int Line, int Column, long Offset)
{
    /// <summary>The pointer an <see cref="Outcomes.Issue"/> carries, e.g. <c>segment 29 (UNT) element 1, line 29, byte 640</c>.</summary>
    public string Pointer(string tag, int? element = null) =>
        string.Create(CultureInfo.InvariantCulture,
            $"segment {Segment} ({tag}){(element is { } e ? $" element {e}" : "")}, line {Line}, byte {Offset}");
}
