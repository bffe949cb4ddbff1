namespace SmartCustoms.Domain.Edifact;

/// <summary>
/// The service characters of an interchange: announced by UNA, or the ISO 9735 defaults. <see cref="Repetition"/> is
/// null where none is in force (syntax versions 1 to 3 without a UNA that names one).
/// </summary>
public sealed record EdifactSeparators(char Component, char Element, char Decimal, char Release, char? Repetition, char Segment)
{
    /// <summary>ISO 9735 defaults for syntax versions 1 to 3: <c>:+.? '</c>.</summary>
    public static EdifactSeparators Default { get; } = new(':', '+', '.', '?', null, '\'');

    /// <summary>ISO 9735 version 4 defaults: <c>:+.?*'</c>.</summary>
    public static EdifactSeparators Version4 { get; } = new(':', '+', '.', '?', '*', '\'');

    /// <summary>The UNA service string advice that announces these characters.</summary>
    public string ToUna() => string.Concat("UNA", Component.ToString(), Element.ToString(), Decimal.ToString(), Release.ToString(),
        (Repetition ?? ' ').ToString(), Segment.ToString());

    internal bool IsSeparator(char c) => c == Component || c == Element || c == Release || c == Segment || c == Repetition;
}
