namespace SmartCustoms.Domain.Controls;

/// <summary>The seals on one container after a control: affixed by the officer, or found intact and left on.</summary>
public sealed record ContainerSeals
{
    public required string Container { get; init; }
    public IReadOnlyList<string> Seals { get; init; } = [];

    /// <summary>Whether <paramref name="declared"/> names exactly these seals (order, case and surrounding spaces aside).</summary>
    public bool Matches(IEnumerable<string> declared)
    {
        ArgumentNullException.ThrowIfNull(declared);
        var mine = Seals.Select(Normalise).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);
        var theirs = declared.Select(Normalise).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);
        return mine.Count > 0 && mine.SetEquals(theirs);
    }

    public static string Normalise(string? value) => (value ?? "").Trim().ToUpperInvariant();
}
