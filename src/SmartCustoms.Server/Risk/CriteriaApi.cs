using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Domain.Validation;
using SmartCustoms.Server.Access;
using SmartCustoms.Server.Declarations;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Risk;

namespace SmartCustoms.Server.Risk;

/// <summary>Risk criteria authored by analysts: versioned, validated with pointers into the document, retired not deleted.</summary>
public static class CriteriaApi
{
    private const int MaxCriterionBytes = 64 * 1024;
    private const int MaxImportBytes = 4 * 1024 * 1024;

    public static RouteGroupBuilder MapRiskCriteria(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/risk/criteria").WithTags("Risk criteria");
        group.MapGet("/", ListAsync).WithName("ListRiskCriteria").WithSummary("Current version of every criterion")
            .RequireAuthorization(p => p.RequireRole(Roles.Analyst, Roles.Officer, Roles.Admin));
        group.MapGet("/{id}/history", HistoryAsync).WithName("GetRiskCriterionHistory").WithSummary("Every version of one criterion, oldest first")
            .RequireAuthorization(p => p.RequireRole(Roles.Analyst, Roles.Admin));
        group.MapPost("/", (HttpRequest request, IRiskStore store, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
                SaveAsync(request, null, store, clock, user, ct)).WithName("CreateRiskCriterion")
            .WithBodyLimit(MaxCriterionBytes)
            .WithSummary("Create a criterion (version 1)")
            .Accepts<CriterionDocument>("application/json")
            .Produces<StoredCriterion>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(p => p.RequireRole(Roles.Analyst));
        group.MapPut("/{id}", (string id, HttpRequest request, IRiskStore store, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
                SaveAsync(request, id, store, clock, user, ct)).WithName("SaveRiskCriterion")
            .WithBodyLimit(MaxCriterionBytes)
            .WithSummary("Save a new version of a criterion")
            .Accepts<CriterionDocument>("application/json")
            .Produces<StoredCriterion>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(p => p.RequireRole(Roles.Analyst));
        group.MapPost("/import", PostImportAsync).WithName("ImportRiskCriteria")
            .WithBodyLimit(MaxImportBytes)
            .WithSummary("Store a set of criteria at once: each becomes the next version of its id; all are stored or none")
            .WithDescription("A JSON array of criteria, as `smartcustoms criteria export` writes it. Every criterion is checked first; " +
                "one error refuses the whole set, with a pointer into the array for each error (e.g. `/3/when/all/0/op`). " +
                "Criteria of the node that the array does not name stay as they are.")
            .Accepts<IReadOnlyList<CriterionDocument>>("application/json")
            .Produces<IReadOnlyList<StoredCriterion>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .RequireAuthorization(p => p.RequireRole(Roles.Analyst));
        group.MapDelete("/{id}", RetireAsync).WithName("RetireRiskCriterion").WithSummary("Retire a criterion (its history is kept)")
            .RequireAuthorization(p => p.RequireRole(Roles.Analyst));
        return group;
    }

    private static async Task<Ok<IReadOnlyList<StoredCriterion>>> ListAsync(IRiskStore store, CancellationToken cancellationToken, bool includeRetired = false) =>
        TypedResults.Ok(await store.ListCurrentAsync(includeRetired, cancellationToken).ConfigureAwait(false));

    private static async Task<Results<Ok<IReadOnlyList<StoredCriterion>>, NotFound>> HistoryAsync(string id, IRiskStore store, CancellationToken cancellationToken)
    {
        var history = await store.HistoryAsync(id, cancellationToken).ConfigureAwait(false);
        return history.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(history);
    }

    private static async Task<Results<Ok<StoredCriterion>, NotFound>> RetireAsync(
        string id, IRiskStore store, RiskAssessor assessor, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var retired = await store.RetireAsync(id, Caller.From(user).KeyId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await assessor.ChangedAsync(cancellationToken).ConfigureAwait(false);
        return retired is null ? TypedResults.NotFound() : TypedResults.Ok(retired);
    }

    private static async Task<IResult> PostImportAsync(
        HttpRequest request, IRiskStore store, RiskAssessor assessor, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var body = await BodyReader.ReadAsync(request, MaxImportBytes, cancellationToken).ConfigureAwait(false);
        if (!body.Succeeded)
        {
            return body.Refusal.ToResult();
        }

        var imported = await ImportAsync(Encoding.UTF8.GetString(body.Value), store, assessor, clock, Caller.From(user), cancellationToken).ConfigureAwait(false);
        return imported.ToResult(stored => TypedResults.Ok(stored));
    }

    /// <summary>
    /// Checks a whole set of criteria (<see cref="CriteriaFile"/>) and stores each as the next version of its id in one
    /// transaction: every criterion, or a refusal naming each error and nothing stored.
    /// </summary>
    public static async Task<Outcome<IReadOnlyList<StoredCriterion>>> ImportAsync(
        string json, IRiskStore store, RiskAssessor assessor, TimeProvider clock, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(assessor);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(caller);
        if (!CriteriaFile.Check(json).TryGetValue(out var documents, out var refusal))
        {
            return refusal;
        }

        var stored = await store.SaveCriteriaAsync(documents, caller.KeyId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await assessor.ChangedAsync(cancellationToken).ConfigureAwait(false);
        return Outcome.Success(stored);
    }

    /// <summary>The API's create (no route id) or new version (route id).</summary>
    private static async Task<IResult> SaveAsync(
        HttpRequest request, string? routeId, IRiskStore store, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var body = await BodyReader.ReadAsync(request, MaxCriterionBytes, cancellationToken).ConfigureAwait(false);
        if (!body.Succeeded)
        {
            return body.Refusal.ToResult();
        }

        var assessor = request.HttpContext.RequestServices.GetRequiredService<RiskAssessor>();
        var saved = await SaveAsync(Encoding.UTF8.GetString(body.Value), routeId, store, assessor, clock, Caller.From(user), cancellationToken).ConfigureAwait(false);
        return saved.ToResult(stored => routeId is null
            ? TypedResults.Created($"/api/risk/criteria/{stored.Id}/history", stored)
            : TypedResults.Ok(stored));
    }

    /// <summary>
    /// Create (no <paramref name="routeId"/>) or new version: parsed, compiled to check it, then stored. Shared by the
    /// API and the analysts' editor in the web portal. The saved version, a refusal with every error and its pointer, or
    /// <see cref="ProblemResults.NotFound"/> when the id to update is unknown.
    /// </summary>
    public static async Task<Outcome<StoredCriterion>> SaveAsync(
        string json, string? routeId, IRiskStore store, RiskAssessor assessor, TimeProvider clock, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(assessor);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(caller);
        if (Encoding.UTF8.GetByteCount(json) > MaxCriterionBytes)
        {
            return Refusal.TooLarge(MaxCriterionBytes);
        }

        if (!CriterionJson.Parse(json).TryGetValue(out var document, out var unreadable))
        {
            return unreadable;
        }

        if (routeId is not null)
        {
            if (document.Id is not null && !string.Equals(document.Id, routeId, StringComparison.Ordinal))
            {
                return Refusal.Single(RefusalKind.Invalid, "Id differs",
                    $"The document's id '{document.Id}' is not '{routeId}'.", "criterion.id-differs", "/id");
            }

            document = document with { Id = routeId };
        }

        var compiled = CriterionCompiler.Compile(document, 1);
        if (!compiled.IsValid)
        {
            return Refusal.Invalid("The criterion has errors.", compiled.Errors);
        }

        var existing = await store.HistoryAsync(document.Id!, cancellationToken).ConfigureAwait(false);
        if (routeId is null && existing.Count > 0)
        {
            return Refusal.Single(RefusalKind.Conflict, "Criterion exists",
                $"Criterion '{document.Id}' exists (version {existing[^1].Version}); save a new version with PUT /api/risk/criteria/{document.Id}.", "criterion.exists", "/id");
        }

        if (routeId is not null && existing.Count == 0)
        {
            return ProblemResults.NotFound;
        }

        var stored = await store.SaveCriterionAsync(document, caller.KeyId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        // This server applies the new version from the next declaration on; others within RefreshSeconds.
        await assessor.ChangedAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }
}
