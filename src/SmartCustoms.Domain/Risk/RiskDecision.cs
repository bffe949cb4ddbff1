namespace SmartCustoms.Domain.Risk;

/// <summary>
/// The lane of one declaration and why: stored as the explanation of the assessment and shown to officers.
/// Plain data, so it round-trips through System.Text.Json with any options.
/// </summary>
public sealed record RiskDecision
{
    public required Lane Lane { get; init; }

    /// <summary>Sum of the weights of the criteria hit, plus the model's contribution.</summary>
    public required decimal Score { get; init; }

    /// <summary>The lane the score alone gives under <see cref="Thresholds"/>.</summary>
    public required Lane ScoreLane { get; init; }

    /// <summary>The model's part of the score; null when no model took part.</summary>
    public decimal? ModelContribution { get; init; }

    /// <summary>Which model version scored the declaration; null when none did.</summary>
    public string? Model { get; init; }

    /// <summary>The features that pushed the model's score most, in words an officer understands; empty without a model.</summary>
    public IReadOnlyList<string> ModelReasons { get; init; } = [];

    /// <summary>
    /// The declaration fell in the random sample. Marked even when its score would have selected it anyway, so that
    /// random selections stay a known, unbiased sample for measuring criteria and training the model.
    /// </summary>
    public required bool Random { get; init; }

    public required Thresholds Thresholds { get; init; }
    public required IReadOnlyList<CriterionHit> Hits { get; init; }

    /// <summary>The highest minimum lane demanded by a criterion hit, if any.</summary>
    public Lane? MinimumLane { get; init; }

    /// <summary>More criteria hit than the office allows without selection, which forces at least yellow.</summary>
    public required bool MaxHitsRuleApplied { get; init; }

    /// <summary>The partner's control result that replaced this node's control; null when none did.</summary>
    public RecognisedControl? Recognition { get; init; }

    /// <summary>The lane before a recognised partner control lowered it; null when none did.</summary>
    public Lane? LaneBeforeRecognition { get; init; }

    /// <summary>Why the trader counts as an AEO, what was matched in partners' data, and what could not be compared; empty when none applies.</summary>
    public IReadOnlyList<string> PartnerNotes { get; init; } = [];

    /// <summary>Why, in plain language, one sentence each.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }
}
