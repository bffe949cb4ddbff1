using SmartCustoms.Domain.Controls;
using SmartCustoms.Domain.Risk;

namespace SmartCustoms.Storage.Declarations;

/// <summary>
/// The risk assessment made at lodging, stored in the lodging's transaction: the lane, its explanation
/// (<paramref name="DecisionJson"/>, a serialized <see cref="RiskDecision"/>, kept exactly as given), the criteria hit
/// and the items' values per kg that feed the node's reference prices.
/// </summary>
public sealed record LodgeRisk(
    string Office, decimal Score, Lane Lane, bool Random, string DecisionJson, IReadOnlyList<CriterionHit> Hits,
    bool ControlOpen, IReadOnlyList<KeyValuePair<string, decimal>> Prices);

/// <summary>An officer's re-routing, audited with who, when and why.</summary>
public sealed record LaneChange(Lane? From, Lane To, string Reason, string Actor, DateTimeOffset At);

/// <summary>The result of a control: no findings, or findings with their categories and the revenue at stake.</summary>
public sealed record NewInspection(
    int Version, Lane Lane, bool Findings, IReadOnlyList<FindingCategory> Categories, decimal Revenue, string? Notes,
    string Officer, DateTimeOffset At, IReadOnlyList<NewEvidence> Evidence)
{
    /// <summary>The seals on the containers after the control; empty when the officer named none.</summary>
    public IReadOnlyList<ContainerSeals> Seals { get; init; } = [];
}

/// <summary>A file (photo, document) recorded with an inspection; <paramref name="Sha256"/> is lowercase hex of <paramref name="Content"/>.</summary>
public sealed record NewEvidence(string FileName, string ContentType, string Sha256, ReadOnlyMemory<byte> Content);
