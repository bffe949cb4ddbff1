using System.Text.Json;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Tariffs;
using SmartCustoms.Storage.Declarations;

namespace SmartCustoms.Server.Declarations;

/// <summary>Builds notification payloads: what a trader system needs to act without another call.</summary>
public static class Notifications
{
    private sealed record Payload(
        string DmsCode, string Lrn, int Version, DeclarationStatus Status, string? Reason, DutyAssessment? Duties);

    public static NewNotification Create(
        NotificationKind kind, string lrn, int version, DeclarationStatus status, DateTimeOffset at,
        string? reason = null, DutyAssessment? duties = null)
    {
        var payload = new Payload(kind.DmsCode(), lrn, version, status, reason, duties);
        return new NewNotification(kind, JsonSerializer.Serialize(payload, DeclarationJson.Options), at);
    }

    /// <summary>The notifications a lodging or an amendment emits: acceptance, and the tax calculation for an import.</summary>
    public static IReadOnlyList<NewNotification> ForAcceptance(
        string lrn, int version, DeclarationStatus status, DutyAssessment? duties, DateTimeOffset at)
    {
        var accepted = Create(NotificationKind.Accepted, lrn, version, status, at);
        return duties is null ? [accepted] : [accepted, Create(NotificationKind.TaxCalculation, lrn, version, status, at, duties: duties)];
    }

    public static NotificationResponse ToResponse(StoredNotification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        using var document = JsonDocument.Parse(n.PayloadJson);
        return new NotificationResponse(n.Id, n.Mrn, JsonNamingPolicy.CamelCase.ConvertName(n.Kind.ToString()), n.Kind.DmsCode(), n.At, document.RootElement.Clone());
    }
}
