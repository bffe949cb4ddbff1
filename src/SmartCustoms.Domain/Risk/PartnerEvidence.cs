namespace SmartCustoms.Domain.Risk;

/// <summary>
/// What partner administrations' data adds to one assessment: hits from comparing the declaration with the partner's
/// export data and control results (mirror discrepancies, broken seals, findings at export), a control result the
/// agreement lets replace this node's own control, and notes on what was matched or could not be compared.
/// </summary>
public sealed record PartnerEvidence
{
    public static PartnerEvidence None { get; } = new();

    /// <summary>Scored and explained like criteria hits; ids start with <c>mirror-</c> or <c>partner-</c>.</summary>
    public IReadOnlyList<CriterionHit> Hits { get; init; } = [];

    /// <summary>A partner's control that may replace this node's; applied only when no partner hit stands against it.</summary>
    public RecognisedControl? Recognition { get; init; }

    /// <summary>Sentences for the explanation: what was matched, and what could not be compared and why.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public bool IsEmpty => Hits.Count == 0 && Recognition is null && Notes.Count == 0;
}

/// <summary>
/// A partner's control result the agreement recognises: the partner inspected the goods without findings and sealed
/// them, and the seals declared here match.
/// </summary>
/// <param name="Partner">The partner node's country or id, as named in explanations.</param>
/// <param name="Lanes">The lanes the agreement lets the partner's result replace.</param>
/// <param name="Summary">What the partner did, in one clause, e.g. "CN inspected the goods at CNSHA on 2026-11-20 without findings and sealed MSCU1234566 (CN0001)".</param>
public sealed record RecognisedControl(string Partner, string Office, DateTimeOffset InspectedAt, IReadOnlyList<Lane> Lanes, string Summary);
