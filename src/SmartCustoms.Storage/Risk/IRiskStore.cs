using SmartCustoms.Domain.Controls;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Domain.Tariffs;

namespace SmartCustoms.Storage.Risk;

/// <summary>One version of a risk criterion as stored. The highest version of an id is the current one.</summary>
public sealed record StoredCriterion(
    string Id, int Version, CriterionDocument Document, string Author, DateTimeOffset CreatedAt,
    DateTimeOffset? RetiredAt, string? RetiredBy);

/// <summary>
/// One risk assessment of a declaration version: the explanation shown to officers (<paramref name="DecisionJson"/>,
/// a serialized <see cref="RiskDecision"/>, kept exactly as given) and the score feeding the office's rolling window.
/// </summary>
public sealed record StoredAssessment(
    string Mrn, int Version, string Office, decimal Score, Lane Lane, bool Random, string DecisionJson, DateTimeOffset At);

/// <summary>An officer's re-routing as stored.</summary>
public sealed record StoredLaneChange(long Id, Lane? From, Lane To, string Reason, string Actor, DateTimeOffset At);

/// <summary>A file recorded with an inspection; the content is read separately.</summary>
public sealed record StoredEvidence(long Id, string FileName, string ContentType, string Sha256, long Size);

public sealed record StoredInspection(
    long Id, int Version, Lane Lane, bool Findings, IReadOnlyList<FindingCategory> Categories, decimal Revenue, string? Notes,
    string Officer, DateTimeOffset At, IReadOnlyList<StoredEvidence> Evidence)
{
    /// <summary>The seals on the containers after the control; empty when the officer named none.</summary>
    public IReadOnlyList<ContainerSeals> Seals { get; init; } = [];
}

/// <summary>Everything about the selectivity of one declaration: the assessment, re-routings and controls' results, oldest first.</summary>
public sealed record ControlHistory(StoredAssessment? Assessment, IReadOnlyList<StoredLaneChange> LaneChanges, IReadOnlyList<StoredInspection> Inspections);

/// <summary>An inspected declaration as a training example: its content and duties, and what its latest control found.</summary>
public sealed record LabelledDeclaration(
    string Mrn, Declaration Declaration, DutyAssessment? Duties, DateTimeOffset AcceptedAt, bool Findings, IReadOnlyList<FindingCategory> Categories,
    decimal Revenue);

/// <summary>What the node knows of a declarant from its own records: declarations lodged, how many were inspected, how many had findings.</summary>
public sealed record TraderHistory(int Declarations, int Inspections, int Findings);

/// <summary>What the risk engine keeps in the node's database: criteria, lane settings and assessments.</summary>
public interface IRiskStore
{
    /// <summary>
    /// Stores <paramref name="document"/> as the next version of its id (1 for a new id), which also brings a
    /// retired criterion back. Concurrent saves of one id get distinct versions.
    /// </summary>
    Task<StoredCriterion> SaveCriterionAsync(CriterionDocument document, string author, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Stores each of <paramref name="documents"/> as the next version of its id, all in one transaction: every one is
    /// stored, or none is. The ids must be distinct.
    /// </summary>
    Task<IReadOnlyList<StoredCriterion>> SaveCriteriaAsync(IReadOnlyList<CriterionDocument> documents, string author, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The latest version of every id, ordered by id; retired ones only when asked.</summary>
    Task<IReadOnlyList<StoredCriterion>> ListCurrentAsync(bool includeRetired, CancellationToken cancellationToken);

    /// <summary>Every version of one id, oldest first; empty when the id is unknown.</summary>
    Task<IReadOnlyList<StoredCriterion>> HistoryAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the current version retired, keeping the history; null when the id is unknown. Retiring again keeps
    /// the first retirement.
    /// </summary>
    Task<StoredCriterion?> RetireAsync(string id, string author, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The lane settings of every office that has some, ordered by office.</summary>
    Task<IReadOnlyList<LaneSettings>> GetLaneSettingsAsync(CancellationToken cancellationToken);

    /// <summary>Creates or replaces the settings of <see cref="LaneSettings.Office"/>. The caller validates them.</summary>
    Task SaveLaneSettingsAsync(LaneSettings settings, string author, DateTimeOffset at, CancellationToken cancellationToken);

    Task SaveAssessmentAsync(StoredAssessment assessment, CancellationToken cancellationToken);

    /// <summary>The assessment saved last for <paramref name="mrn"/>, or null.</summary>
    Task<StoredAssessment?> GetAssessmentAsync(string mrn, CancellationToken cancellationToken);

    /// <summary>The scores of the last <paramref name="count"/> assessments at <paramref name="office"/>, newest first.</summary>
    Task<IReadOnlyList<decimal>> RecentScoresAsync(string office, int count, CancellationToken cancellationToken);

    Task<ControlHistory> GetControlHistoryAsync(string mrn, CancellationToken cancellationToken);

    /// <summary>One evidence file of an inspection of <paramref name="mrn"/> with its content, or null.</summary>
    Task<(StoredEvidence File, byte[] Content)?> GetEvidenceAsync(string mrn, long id, CancellationToken cancellationToken);

    /// <summary>The assessed declarations accepted in [<paramref name="since"/>, <paramref name="until"/>) with their latest control result, and the criteria they hit.</summary>
    Task<(IReadOnlyList<ControlOutcome> Outcomes, IReadOnlyList<CriterionHitRow> Hits)> GetControlOutcomesAsync(
        DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Declarations lodged by <paramref name="declarantId"/> before now, and the inspections and findings among them.</summary>
    Task<TraderHistory> GetTraderHistoryAsync(string declarantId, CancellationToken cancellationToken);

    /// <summary>The latest <paramref name="count"/> item values per kg recorded at lodging, as (HS6, value per kg).</summary>
    Task<IReadOnlyList<KeyValuePair<string, decimal>>> RecentPricesAsync(int count, CancellationToken cancellationToken);

    /// <summary>
    /// The declarations with an inspection result, oldest first, at most <paramref name="limit"/> (the latest ones),
    /// with the version that was inspected and its latest result: the node's own labels for training a model.
    /// </summary>
    Task<IReadOnlyList<LabelledDeclaration>> GetLabelledDeclarationsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Deletes all but the latest <paramref name="keep"/> item prices; returns how many went.</summary>
    Task<int> PrunePricesAsync(int keep, CancellationToken cancellationToken);
}
