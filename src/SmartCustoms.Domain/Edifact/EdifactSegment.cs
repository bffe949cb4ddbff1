using System.Globalization;

namespace SmartCustoms.Domain.Edifact;

/// <summary>
/// One data element of a segment: its components, and where the element repeats (syntax version 4, or a UNA that
/// names a repetition separator) every occurrence in <see cref="Repetitions"/>. A simple element has one component.
/// </summary>
public sealed record EdifactElement(IReadOnlyList<IReadOnlyList<string>> Repetitions)
{
    public static EdifactElement Empty { get; } = new([[""]]);

    /// <summary>The components of the first occurrence.</summary>
    public IReadOnlyList<string> Components => Repetitions[0];

    /// <summary>Component <paramref name="index"/> (0-based) of the first occurrence, or "" when absent.</summary>
    public string this[int index] => index >= 0 && index < Components.Count ? Components[index] : "";

    public bool IsEmpty => Repetitions.Count == 1 && Components.All(c => c.Length == 0);
}

/// <summary>
/// A segment as read: its tag, its data elements (0-based; the pointer in an issue counts them from 1, as the
/// directories do) and where it starts. Absent elements and components read as "", so message readers stay short.
/// </summary>
public sealed record EdifactSegment(string Tag, IReadOnlyList<EdifactElement> Elements, EdifactPosition Position)
{
    /// <summary>A segment built in code, e.g. to write one: each element given as its components.</summary>
    public static EdifactSegment Create(string tag, params string[][] elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        return new(tag, [.. elements.Select(components => new EdifactElement([components]))], default);
    }

    /// <summary>Element <paramref name="index"/> (0-based), or an empty element when the segment stops before it.</summary>
    public EdifactElement Element(int index) => index >= 0 && index < Elements.Count ? Elements[index] : EdifactElement.Empty;

    /// <summary>Component <paramref name="component"/> of element <paramref name="element"/>, both 0-based; "" when absent.</summary>
    public string Value(int element, int component = 0) => Element(element)[component];

    /// <summary>The value, or null when it is absent or empty.</summary>
    public string? ValueOrNull(int element, int component = 0) => Value(element, component) is { Length: > 0 } v ? v : null;

    /// <summary>Whether this is a <paramref name="tag"/> segment whose first element starts with <paramref name="qualifier"/>.</summary>
    public bool Is(string tag, string? qualifier = null) =>
        string.Equals(Tag, tag, StringComparison.Ordinal) && (qualifier is null || string.Equals(Value(0), qualifier, StringComparison.Ordinal));

    /// <summary>A number as EDIFACT writes it: either decimal mark, an optional sign; null when absent or not a number.</summary>
    public decimal? Decimal(int element, int component = 0)
    {
        var text = Value(element, component).Replace(',', '.');
        return text.Length > 0 && text.Length <= 40
            && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value : null;
    }

    /// <summary>The components of an element joined, as free text (FTX, NAD names and streets) reads.</summary>
    public string Text(int element, string separator = " ") =>
        string.Join(separator, Element(element).Components.Where(c => c.Length > 0));

    public string Pointer(int? element = null) => Position.Pointer(Tag, element is { } e ? e + 1 : null);

    public override string ToString() => string.Concat(Tag, "+", string.Join('+', Elements.Select(e => string.Join(':', e.Components))));
}
