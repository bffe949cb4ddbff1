using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Server.Access;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Declarations;
using SmartCustoms.Storage.Risk;

namespace SmartCustoms.Server.Declarations;

public static class DeclarationsApi
{
    private static readonly string[] Everyone = [Roles.Trader, Roles.Officer, Roles.Analyst, Roles.Admin];

    public static RouteGroupBuilder MapDeclarations(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/declarations").WithTags("Declarations");
        group.MapPost("/", LodgeAsync).WithName("LodgeDeclaration")
            .WithBodyLimit(o => o.Limits.MaxDeclarationBytes).RequireRateLimiting(RateLimits.Lodging)
            .WithSummary("Lodge a declaration (JSON or WCO DMS XML)")
            .WithDescription("Answers 201 with the MRN once the declaration is durably stored; 200 with the existing one when the same content is lodged again under the same LRN; 409 for other content under a used LRN; 400 with every error and its pointer.")
            .Accepts<Declaration>("application/json", "application/xml")
            .Produces<DeclarationResponse>(StatusCodes.Status201Created)
            .Produces<DeclarationResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .RequireAuthorization(p => p.RequireRole(Roles.Trader));
        group.MapGet("/", ListAsync).WithName("ListDeclarations").WithSummary("List declarations (a trader sees only its own)")
            .RequireAuthorization(p => p.RequireRole(Everyone));
        group.MapGet("/{mrn}", GetAsync).WithName("GetDeclaration").WithSummary("One declaration, its current or a given version")
            .RequireAuthorization(p => p.RequireRole(Everyone));
        group.MapGet("/{mrn}/notifications", NotificationsAsync).WithName("ListNotifications").WithSummary("Notifications after a cursor, oldest first")
            .RequireAuthorization(p => p.RequireRole(Everyone));
        group.MapPost("/{mrn}/amendments", AmendmentsApi.AmendAsync).WithName("AmendDeclaration").WithSummary("Lodge a corrected version (same LRN)")
            .WithBodyLimit(o => o.Limits.MaxDeclarationBytes)
            .Accepts<Declaration>("application/json", "application/xml")
            .Produces<DeclarationResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(p => p.RequireRole(Roles.Trader));
        group.MapPost("/{mrn}/cancellation", (string mrn, ReasonRequest? body, TransitionService transitions, ClaimsPrincipal user, CancellationToken ct) =>
                transitions.ApplyAsync(mrn, DeclarationAction.Cancel, body?.Reason, Caller.From(user), ct)).WithName("CancelDeclaration").Produces<DeclarationResponse>()
            .WithSummary("Cancel a declaration before release (the declarant only)")
            .RequireAuthorization(p => p.RequireRole(Roles.Trader));
        MapOfficerAction(group, "control", DeclarationAction.Control, "Select for documentary or physical control");
        MapOfficerAction(group, "release", DeclarationAction.Release, "Release the goods");
        MapOfficerAction(group, "clearance", DeclarationAction.Clear, "Clear a released declaration");
        MapOfficerAction(group, "invalidation", DeclarationAction.Invalidate, "Invalidate a declaration");
        MapOfficerAction(group, "rejection", DeclarationAction.Reject, "Reject a declaration after review");
        group.MapControls();
        return group;
    }

    public sealed record ReasonRequest(string? Reason);

    private static void MapOfficerAction(RouteGroupBuilder group, string path, DeclarationAction action, string summary) =>
        group.MapPost("/{mrn}/" + path, (string mrn, ReasonRequest? body, TransitionService transitions, ClaimsPrincipal user, CancellationToken ct) =>
                transitions.ApplyAsync(mrn, action, body?.Reason, Caller.From(user), ct)).WithName(action + "Declaration")
            .WithSummary(summary)
            .Produces<DeclarationResponse>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(p => p.RequireRole(Roles.Officer));

    private static Task<IResult> LodgeAsync(HttpRequest request, LodgingService lodging, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        lodging.LodgeAsync(request, Caller.From(user), cancellationToken);

    private static async Task<Results<Ok<DeclarationPage>, ProblemHttpResult>> ListAsync(
        IDeclarationStore store, ClaimsPrincipal user, CancellationToken cancellationToken,
        string? status = null, bool? controlOpen = null, int page = 1, int pageSize = 50)
    {
        if (page < 1 || pageSize is < 1 or > 500)
        {
            return Refusal.Single(RefusalKind.Invalid, "Bad query", "page starts at 1 and pageSize is between 1 and 500.", "query.invalid",
                page < 1 ? "/page" : "/pageSize").ToProblem();
        }

        DeclarationStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<DeclarationStatus>(status, ignoreCase: true, out var parsed) || !char.IsAsciiLetter(status[0]))
            {
                return Refusal.Single(RefusalKind.Invalid, "Bad query",
                    $"status is one of {string.Join(", ", Enum.GetNames<DeclarationStatus>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}.", "query.invalid", "/status").ToProblem();
            }

            wanted = parsed;
        }

        var caller = Caller.From(user);
        var query = new DeclarationQuery
        {
            DeclarantId = caller.IsTrader ? caller.PartyId : null, Status = wanted, ControlOpen = controlOpen, Page = page, PageSize = pageSize,
        };
        var found = await store.ListAsync(query, cancellationToken).ConfigureAwait(false);
        // The lane itself is customs' business; a trader's list shows only whether the goods are held.
        return TypedResults.Ok(caller.IsTrader ? found with { Items = [.. found.Items.Select(i => i with { Lane = null })] } : found);
    }

    private static async Task<Results<Ok<DeclarationResponse>, NotFound>> GetAsync(
        string mrn, IDeclarationStore store, IRiskStore risk, ClaimsPrincipal user, CancellationToken cancellationToken, int? version = null)
    {
        var caller = Caller.From(user);
        var record = await store.GetAsync(mrn, version, cancellationToken).ConfigureAwait(false);
        if (record is null || !caller.CanSee(record.DeclarantId))
        {
            return TypedResults.NotFound();
        }

        var view = ControlView.SeesExplanation(caller)
            ? ControlView.From(record, await risk.GetControlHistoryAsync(mrn, cancellationToken).ConfigureAwait(false))
            : null;
        return TypedResults.Ok(DeclarationResponse.From(record, view));
    }

    private static async Task<Results<Ok<NotificationPage>, NotFound, ProblemHttpResult>> NotificationsAsync(
        string mrn, IDeclarationStore store, ClaimsPrincipal user, CancellationToken cancellationToken, long after = 0, int limit = 100)
    {
        if (after < 0 || limit is < 1 or > 1000)
        {
            return Refusal.Single(RefusalKind.Invalid, "Bad query", "after is a cursor from an earlier answer (0 to start) and limit is between 1 and 1000.", "query.invalid",
                after < 0 ? "/after" : "/limit").ToProblem();
        }

        var record = await store.GetAsync(mrn, null, cancellationToken).ConfigureAwait(false);
        if (record is null || !Caller.From(user).CanSee(record.DeclarantId))
        {
            return TypedResults.NotFound();
        }

        var items = await store.GetNotificationsAsync(mrn, after, limit, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new NotificationPage([.. items.Select(Notifications.ToResponse)], items.Count > 0 ? items[^1].Id : after));
    }
}
