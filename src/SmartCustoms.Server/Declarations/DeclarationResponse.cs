using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Tariffs;
using SmartCustoms.Storage.Declarations;

namespace SmartCustoms.Server.Declarations;

/// <summary>A declaration as the API shows it: customs' view (MRN, status, duties, warnings) and the content lodged.</summary>
public sealed record DeclarationResponse
{
    public required string Mrn { get; init; }
    public required string Lrn { get; init; }
    public required int Version { get; init; }
    public required DeclarationStatus Status { get; init; }
    public string? Type { get; init; }
    public required string DeclarantId { get; init; }
    public required DateTimeOffset AcceptedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>The warnings of the acceptance, each with its code, message and pointer, as a refusal lists its errors.</summary>
    public IReadOnlyList<Issue> Warnings { get; init; } = [];
    public DutyAssessment? Duties { get; init; }

    /// <summary>What the lane means for the goods: <c>physical-examination</c>, <c>documentary-check</c> or <c>no-control</c>.</summary>
    public string? Consequence { get; init; }

    /// <summary>A control is waiting for its result: the goods cannot be released yet.</summary>
    public bool ControlOpen { get; init; }

    /// <summary>Lane, explanation, re-routings and inspection result: for officers and analysts only, absent otherwise.</summary>
    public RiskView? Risk { get; init; }
    public required Declaration Declaration { get; init; }

    public static DeclarationResponse From(DeclarationRecord record, RiskView? risk = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new DeclarationResponse
        {
            Mrn = record.Mrn,
            Lrn = record.Lrn,
            Version = record.Version,
            Status = record.Status,
            Type = record.Declaration.Type,
            DeclarantId = record.DeclarantId,
            AcceptedAt = record.AcceptedAt,
            UpdatedAt = record.UpdatedAt,
            Warnings = record.Warnings,
            Duties = record.Assessment,
            Consequence = ControlView.Consequence(record.Lane),
            ControlOpen = record.ControlOpen,
            Risk = risk,
            Declaration = record.Declaration,
        };
    }
}

public sealed record NotificationResponse(long Id, string Mrn, string Kind, string DmsCode, DateTimeOffset At, System.Text.Json.JsonElement Payload);

public sealed record NotificationPage(IReadOnlyList<NotificationResponse> Items, long Cursor);
