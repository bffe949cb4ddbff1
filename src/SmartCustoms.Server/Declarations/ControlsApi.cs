using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Controls;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Server.Access;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Server.Risk;
using SmartCustoms.Storage.Declarations;
using SmartCustoms.Storage.Risk;

namespace SmartCustoms.Server.Declarations;

/// <summary>Officers' selectivity actions: re-routing and inspection results (with evidence), each audited with who and when.</summary>
public static class ControlsApi
{
    public sealed record RerouteRequest(Lane? Lane, string? Reason);

    public static void MapControls(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/{mrn}/reroute", RerouteAsync)
            .WithSummary("Move a declaration to another lane, with the reason (audited)")
            .WithDescription("To red or yellow opens a control (the goods are held until its result); to blue or green closes an open one. Refused once the goods are released.")
            .Produces<DeclarationResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(p => p.RequireRole(Roles.Officer));
        group.MapPost("/{mrn}/inspection-result", InspectionResultAsync)
            .WithSummary("Record the result of a control, with evidence files")
            .WithDescription("application/json, or multipart/form-data with a 'result' JSON part and any number of file parts (photos, documents; stored with their SHA-256). Closes the open control; on a blue lane, records a post-clearance audit.")
            .Accepts<InspectionRequest>("application/json", "multipart/form-data")
            .Produces<DeclarationResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .RequireAuthorization(p => p.RequireRole(Roles.Officer));
        group.MapGet("/{mrn}/evidence/{id:long}", EvidenceAsync)
            .WithSummary("Download an evidence file of an inspection")
            .RequireAuthorization(p => p.RequireRole(Roles.Officer, Roles.Analyst));
    }

    private static async Task<IResult> RerouteAsync(
        string mrn, RerouteRequest? body, IDeclarationStore store, IRiskStore risk, TimeProvider clock, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (body?.Lane is not { } lane || !Enum.IsDefined(lane))
        {
            return Problems.Single(StatusCodes.Status400BadRequest, "Lane required", "Name the new lane: red, yellow, blue or green.", "lane.required", "/lane");
        }

        if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > TransitionService.MaxReasonLength)
        {
            return Problems.Single(StatusCodes.Status400BadRequest, "Reason required",
                $"Say why the declaration is re-routed, in at most {TransitionService.MaxReasonLength} characters: every re-routing is audited.", "reason.required", "/reason");
        }

        var reason = body.Reason.Trim();
        var now = clock.GetUtcNow();
        string? refusal = null;
        var result = await store.UpdateAsync(mrn, record =>
        {
            refusal = RerouteRefusal(record, lane);
            if (refusal is not null)
            {
                return null;
            }

            var control = RiskAssessor.IsControl(lane);
            var status = control ? DeclarationStatus.UnderControl : record.Status;
            return new DeclarationChange
            {
                Status = status,
                Lane = lane,
                ControlOpen = control,
                LaneChange = new LaneChange(record.Lane, lane, reason, caller.KeyId, now),
                // The trader learns what the new lane means for the goods, not why.
                Notifications = control ? [Notifications.Create(NotificationKind.Control, record.Lrn, record.Version, status, now, ControlView.ConsequenceText(lane))] : [],
                Audit = new AuditEntry(caller.KeyId, "reroute", $"{record.Lane?.ToString() ?? "none"} -> {lane}: {reason}", now),
            };
        }, cancellationToken).ConfigureAwait(false);
        return await AnswerAsync(mrn, result, refusal, risk, cancellationToken).ConfigureAwait(false);
    }

    private static string? RerouteRefusal(DeclarationRecord record, Lane lane)
    {
        if (Lifecycle.IsFinal(record.Status) || record.Status == DeclarationStatus.Released)
        {
            return $"A declaration that is {record.Status} cannot be re-routed: the goods are no longer waiting for release.";
        }

        return record.Lane == lane ? $"The declaration is already in the {lane} lane." : null;
    }

    private static async Task<IResult> InspectionResultAsync(
        string mrn, HttpRequest request, IDeclarationStore store, IRiskStore risk, TimeProvider clock, IOptions<SmartCustomsOptions> options,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var existing = await store.GetAsync(mrn, null, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            // Checked before reading a body of up to many megabytes.
            return TypedResults.NotFound();
        }

        var (input, problem) = await InspectionInput.ReadAsync(request, options.Value.Limits.MaxEvidenceBytes, cancellationToken).ConfigureAwait(false);
        if (input is null)
        {
            return problem!;
        }

        var now = clock.GetUtcNow();
        string? refusal = null;
        var result = await store.UpdateAsync(mrn, record =>
        {
            refusal = InspectionRefusal(record);
            if (refusal is not null)
            {
                return null;
            }

            var summary = input.Findings ? "findings: " + string.Join(", ", input.Categories.Select(FindingCategories.NameOf)) : "no findings";
            return new DeclarationChange
            {
                Status = record.Status,
                ControlOpen = false,
                Inspection = new NewInspection(
                    record.Version, record.Lane ?? Lane.Red, input.Findings, input.Categories, input.Revenue, input.Notes, caller.KeyId, now, input.Evidence),
                Audit = new AuditEntry(caller.KeyId, "inspection-result", summary, now),
            };
        }, cancellationToken).ConfigureAwait(false);
        return await AnswerAsync(mrn, result, refusal, risk, cancellationToken).ConfigureAwait(false);
    }

    private static string? InspectionRefusal(DeclarationRecord record)
    {
        if (record.ControlOpen)
        {
            return null;
        }

        // A blue lane is released now and audited after clearance: its audit result is recorded later, repeatedly if need be.
        if (record.Lane == Lane.Blue && record.Status is not (DeclarationStatus.Cancelled or DeclarationStatus.Invalidated))
        {
            return null;
        }

        return $"No control is open for this declaration (lane {record.Lane?.ToString() ?? "none"}, {record.Status}): re-route it to red or yellow first.";
    }

    private static async Task<IResult> AnswerAsync(string mrn, UpdateResult result, string? refusal, IRiskStore risk, CancellationToken cancellationToken)
    {
        if (result.Outcome == UpdateOutcome.NotFound || result.Record is null)
        {
            return TypedResults.NotFound();
        }

        if (refusal is not null)
        {
            return Problems.Single(StatusCodes.Status409Conflict, "Not allowed now", refusal, "control.state", "/status");
        }

        var history = await risk.GetControlHistoryAsync(mrn, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(DeclarationResponse.From(result.Record, ControlView.From(result.Record, history)));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> EvidenceAsync(
        string mrn, long id, IRiskStore risk, HttpContext context, CancellationToken cancellationToken)
    {
        var found = await risk.GetEvidenceAsync(mrn, id, cancellationToken).ConfigureAwait(false);
        if (found is not { } evidence)
        {
            return TypedResults.NotFound();
        }

        // Always a download, never rendered by the browser in the node's origin: the file came from a phone, not from us.
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        context.Response.Headers["X-Content-SHA256"] = evidence.File.Sha256;
        return TypedResults.File(evidence.Content, evidence.File.ContentType, evidence.File.FileName);
    }
}
