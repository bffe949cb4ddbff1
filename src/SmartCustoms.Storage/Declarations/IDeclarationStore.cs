using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Domain.Tariffs;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Storage.Declarations;

/// <summary>Durable declarations, their versions and notifications. Implemented for SQLite and PostgreSQL.</summary>
public interface IDeclarationStore
{
    /// <summary>
    /// Stores a new declaration as version 1, unless the declarant already used the LRN: then the existing one
    /// comes back as a duplicate (same content hash) or a conflict (other content). Returns only after commit.
    /// </summary>
    Task<LodgeResult> LodgeAsync(LodgeRequest request, CancellationToken cancellationToken);

    /// <summary>The current version, or the given one.</summary>
    Task<DeclarationRecord?> GetAsync(string mrn, int? version, CancellationToken cancellationToken);

    Task<DeclarationPage> ListAsync(DeclarationQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the current record, asks <paramref name="decide"/> for a change and writes it if nobody changed the
    /// declaration in between (retrying otherwise). A null change writes nothing.
    /// </summary>
    Task<UpdateResult> UpdateAsync(string mrn, Func<DeclarationRecord, DeclarationChange?> decide, CancellationToken cancellationToken);

    /// <summary>Notifications of one declaration with an id above <paramref name="after"/>, oldest first.</summary>
    Task<IReadOnlyList<StoredNotification>> GetNotificationsAsync(string mrn, long after, int limit, CancellationToken cancellationToken);
}

public sealed record LodgeRequest
{
    public required string DeclarantId { get; init; }
    public required string Lrn { get; init; }

    /// <summary>Hash of the canonical content, to tell a resubmission from a different declaration under the same LRN.</summary>
    public required string ContentHash { get; init; }
    public required Declaration Declaration { get; init; }
    public required DeclarationStatus Status { get; init; }
    public DutyAssessment? Assessment { get; init; }
    public IReadOnlyList<Issue> Warnings { get; init; } = [];
    public required DateTimeOffset AcceptedAt { get; init; }

    /// <summary>Builds the MRN from a number the database hands out once, whatever the number of servers.</summary>
    public required Func<long, string> MrnFactory { get; init; }

    /// <summary>Notifications emitted by the lodging; their MRN is filled in by the store.</summary>
    public IReadOnlyList<NewNotification> Notifications { get; init; } = [];

    /// <summary>The risk assessment, stored with the declaration or not at all.</summary>
    public LodgeRisk? Risk { get; init; }

    /// <summary>Messages to partners caused by the lodging, given the MRN; queued in the lodging's transaction, so sent if and only if it commits.</summary>
    public Func<string, IReadOnlyList<Exchange.OutboxMessage>>? Outbox { get; init; }
}

public enum LodgeOutcome
{
    Created,
    Duplicate,
    Conflict,
}

public sealed record LodgeResult(LodgeOutcome Outcome, DeclarationRecord Record);

public sealed record DeclarationRecord
{
    public required string Mrn { get; init; }
    public required int Version { get; init; }
    public required DeclarationStatus Status { get; init; }
    public required string DeclarantId { get; init; }
    public required string Lrn { get; init; }
    public required string ContentHash { get; init; }
    public required Declaration Declaration { get; init; }
    public DutyAssessment? Assessment { get; init; }
    public IReadOnlyList<Issue> Warnings { get; init; } = [];
    public required DateTimeOffset AcceptedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The lane in force: as assessed at lodging, or as an officer re-routed it; null when never assessed.</summary>
    public Lane? Lane { get; init; }

    /// <summary>A control (documentary check or physical examination) is waiting for its result; release is refused meanwhile.</summary>
    public bool ControlOpen { get; init; }

    /// <summary>Incremented by every change; used for optimistic concurrency.</summary>
    public required long Revision { get; init; }
}

public sealed record DeclarationQuery
{
    /// <summary>Only declarations of this declarant (always set for a trader).</summary>
    public string? DeclarantId { get; init; }
    public DeclarationStatus? Status { get; init; }

    /// <summary>Only declarations whose control is open (true) or not (false): an officer's worklist.</summary>
    public bool? ControlOpen { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}

public sealed record DeclarationSummary(
    string Mrn, string Lrn, string DeclarantId, string? Type, DeclarationStatus Status, int Version,
    DateTimeOffset AcceptedAt, DateTimeOffset UpdatedAt, Lane? Lane, bool ControlOpen);

public sealed record DeclarationPage(IReadOnlyList<DeclarationSummary> Items, int Page, int PageSize, long Total);

/// <summary>A change decided by the domain: a new status, optionally a new version of the content, and what to tell.</summary>
public sealed record DeclarationChange
{
    public required DeclarationStatus Status { get; init; }
    public NewVersion? NewVersion { get; init; }
    public IReadOnlyList<NewNotification> Notifications { get; init; } = [];
    public required AuditEntry Audit { get; init; }

    /// <summary>The lane after the change; null keeps the current one.</summary>
    public Lane? Lane { get; init; }

    /// <summary>Opens (true) or closes (false) a control; null keeps the current state.</summary>
    public bool? ControlOpen { get; init; }

    /// <summary>A re-routing to record with the change.</summary>
    public LaneChange? LaneChange { get; init; }

    /// <summary>An inspection result to record with the change.</summary>
    public NewInspection? Inspection { get; init; }

    /// <summary>Messages to partners caused by the change, queued in its transaction.</summary>
    public IReadOnlyList<Exchange.OutboxMessage> Outbox { get; init; } = [];
}

public sealed record NewVersion
{
    public required string ContentHash { get; init; }
    public required Declaration Declaration { get; init; }
    public DutyAssessment? Assessment { get; init; }
    public IReadOnlyList<Issue> Warnings { get; init; } = [];
}

public sealed record AuditEntry(string Actor, string Action, string? Reason, DateTimeOffset At);

public enum UpdateOutcome
{
    Updated,
    NotFound,
    Unchanged,
}

public sealed record UpdateResult(UpdateOutcome Outcome, DeclarationRecord? Record);

public sealed record NewNotification(NotificationKind Kind, string PayloadJson, DateTimeOffset At);

public sealed record StoredNotification(long Id, string Mrn, NotificationKind Kind, string PayloadJson, DateTimeOffset At);
