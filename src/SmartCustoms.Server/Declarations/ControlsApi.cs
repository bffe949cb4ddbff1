using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Controls;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Outcomes;
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
        group.MapPost("/{mrn}/reroute", RerouteAsync).WithName("RerouteDeclaration")
            .WithSummary("Move a declaration to another lane, with the reason (audited)")
            .WithDescription("To red or yellow opens a control (the goods are held until its result); to blue or green closes an open one. Refused once the goods are released.")
            .Produces<DeclarationResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(p => p.RequireRole(Roles.Officer));
        group.MapPost("/{mrn}/inspection-result", InspectionResultAsync).WithName("RecordInspectionResult")
            .WithBodyLimit(o => o.Limits.MaxEvidenceBytes)
            .WithSummary("Record the result of a control, with evidence files")
            .WithDescription("application/json, or multipart/form-data with a 'result' JSON part and any number of file parts (photos, documents; stored with their SHA-256). Closes the open control; on a blue lane, records a post-clearance audit.")
            .Accepts<InspectionRequest>("application/json", "multipart/form-data")
            .Produces<DeclarationResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .RequireAuthorization(p => p.RequireRole(Roles.Officer));
        group.MapGet("/{mrn}/evidence/{id:long}", EvidenceAsync).WithName("GetInspectionEvidence").Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .WithSummary("Download an evidence file of an inspection")
            .RequireAuthorization(p => p.RequireRole(Roles.Officer, Roles.Analyst));
    }

    private static async Task<IResult> RerouteAsync(
        string mrn, RerouteRequest? body, ControlService controls, IRiskStore risk, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var outcome = await controls.RerouteAsync(mrn, body?.Lane, body?.Reason, Caller.From(user), cancellationToken).ConfigureAwait(false);
        return await AnswerAsync(mrn, outcome, risk, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IResult> InspectionResultAsync(
        string mrn, HttpRequest request, ControlService controls, IDeclarationStore store, IRiskStore risk, IOptions<SmartCustomsOptions> options,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var existing = await store.GetAsync(mrn, null, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            // Checked before reading a body of up to many megabytes.
            return TypedResults.NotFound();
        }

        var read = await InspectionInput.ReadAsync(request, options.Value.Limits.MaxEvidenceBytes, cancellationToken).ConfigureAwait(false);
        if (!read.TryGetValue(out var input, out var problem))
        {
            return problem.ToResult();
        }

        var outcome = await controls.RecordInspectionAsync(mrn, input, Caller.From(user), cancellationToken).ConfigureAwait(false);
        return await AnswerAsync(mrn, outcome, risk, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IResult> AnswerAsync(string mrn, Outcome<DeclarationRecord> outcome, IRiskStore risk, CancellationToken cancellationToken)
    {
        if (!outcome.Succeeded)
        {
            return outcome.ToResult();
        }

        var history = await risk.GetControlHistoryAsync(mrn, cancellationToken).ConfigureAwait(false);
        return outcome.ToResult(record => DeclarationResponse.From(record, ControlView.From(record, history)));
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
