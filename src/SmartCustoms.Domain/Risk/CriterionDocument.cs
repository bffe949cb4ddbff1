using System.Text.Json;

namespace SmartCustoms.Domain.Risk;

/// <summary>
/// A risk criterion as an analyst writes it (JSON). Every field is optional here so that all faults of a
/// document can be reported at once; <see cref="CriterionCompiler"/> decides what is required.
/// </summary>
public sealed record CriterionDocument
{
    /// <summary>Stable identifier chosen by the analyst, e.g. <c>undervalued-shavers-cn</c>.</summary>
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }

    /// <summary>Contribution to the declaration's score when the criterion hits (0 to 1000).</summary>
    public decimal? Weight { get; init; }

    /// <summary>A hit forces at least this lane, whatever the score.</summary>
    public Lane? MinimumLane { get; init; }

    /// <summary>Customs offices where the criterion applies; empty means every office.</summary>
    public IReadOnlyList<string> Offices { get; init; } = [];
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }

    /// <summary>The condition: a tree of <c>all</c>, <c>any</c>, <c>not</c> and field comparisons.</summary>
    public Condition? When { get; init; }
}

/// <summary>
/// One node of a condition: exactly one of <see cref="All"/>, <see cref="Any"/>, <see cref="Not"/> or a
/// comparison (<see cref="Field"/>, <see cref="Op"/> and <see cref="Value"/> or <see cref="Values"/>).
/// </summary>
public sealed record Condition
{
    public IReadOnlyList<Condition>? All { get; init; }
    public IReadOnlyList<Condition>? Any { get; init; }
    public Condition? Not { get; init; }
    public string? Field { get; init; }
    public string? Op { get; init; }
    public JsonElement? Value { get; init; }
    public IReadOnlyList<JsonElement>? Values { get; init; }
}
