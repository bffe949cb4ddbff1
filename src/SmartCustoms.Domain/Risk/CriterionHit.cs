namespace SmartCustoms.Domain.Risk;

/// <summary>A criterion that hit a declaration, as stored in the explanation.</summary>
/// <param name="ItemSequences">The goods items that satisfied an item-level condition; empty for declaration-level criteria.</param>
/// <param name="Explanation">The hit in words of its own (partner checks: "declared value 41% below ..."); null for analysts' criteria, explained by their name.</param>
public sealed record CriterionHit(string Id, int Version, string Name, decimal Weight, Lane? MinimumLane, IReadOnlyList<int> ItemSequences, string? Explanation = null);
