using System.Text.Json;
using SmartCustoms.Domain.Controls;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Server.Access;
using SmartCustoms.Storage.Declarations;
using SmartCustoms.Storage.Risk;

namespace SmartCustoms.Server.Declarations;

/// <summary>An inspection result as shown to officers and analysts; evidence files are downloaded from <see cref="StoredEvidence.Id"/>.</summary>
public sealed record InspectionView(
    long Id, int Version, Lane Lane, bool Findings, IReadOnlyList<string> Categories, decimal RevenueAtStake, string? Notes,
    string Officer, DateTimeOffset At, IReadOnlyList<EvidenceView> Evidence)
{
    /// <summary>The seals on the containers after the control, as the officer recorded them.</summary>
    public IReadOnlyList<ContainerSeals> Seals { get; init; } = [];
}

public sealed record EvidenceView(long Id, string FileName, string ContentType, string Sha256, long Size, string Href);

/// <summary>
/// The selectivity of a declaration as customs sees it: the lane in force and the one assessed, the explanation
/// (criteria hit and weights, score, thresholds, random or not, minimum-lane rules), re-routings and the control's
/// result. Never shown to the trader, who sees only <see cref="DeclarationResponse.Consequence"/>.
/// </summary>
public sealed record RiskView(
    Lane? Lane, Lane? AssessedLane, bool ControlOpen, RiskDecision? Explanation, IReadOnlyList<StoredLaneChange> LaneChanges,
    IReadOnlyList<InspectionView> Inspections);

public static class ControlView
{
    /// <summary>Officers and analysts see why a declaration got its lane; traders and administrators of keys do not.</summary>
    public static bool SeesExplanation(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Role is Domain.Access.Role.Officer or Domain.Access.Role.Analyst;
    }

    /// <summary>What the lane means for the goods, in words a trader's system can act on; null before any assessment.</summary>
    public static string? Consequence(Lane? lane) => lane switch
    {
        Lane.Red => "physical-examination",
        Lane.Yellow => "documentary-check",
        Lane.Blue or Lane.Green => "no-control",
        _ => null,
    };

    public static string ConsequenceText(Lane lane) => lane switch
    {
        Lane.Red => "The goods will be examined before release.",
        Lane.Yellow => "The documents will be checked before release.",
        _ => "No control before release.",
    };

    public static RiskView From(DeclarationRecord record, ControlHistory history)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(history);
        var explanation = history.Assessment is { } a ? JsonSerializer.Deserialize<RiskDecision>(a.DecisionJson, CriterionJson.Options) : null;
        var inspections = history.Inspections.Select(i => new InspectionView(
            i.Id, i.Version, i.Lane, i.Findings, [.. i.Categories.Select(FindingCategories.NameOf)], i.Revenue, i.Notes, i.Officer, i.At,
            [.. i.Evidence.Select(e => new EvidenceView(e.Id, e.FileName, e.ContentType, e.Sha256, e.Size,
                $"/api/declarations/{record.Mrn}/evidence/{e.Id}"))]) { Seals = i.Seals }).ToList();
        return new RiskView(record.Lane, history.Assessment?.Lane, record.ControlOpen, explanation, history.LaneChanges, inspections);
    }
}
