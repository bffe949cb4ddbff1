using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Server.Access;
using SmartCustoms.Server.Declarations;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Risk;

namespace SmartCustoms.Server.Risk;

/// <summary>
/// Criteria proposed by partners' risk alerts: listed for analysts, who adopt one (as sent or edited), which saves it as
/// an ordinary criterion applied from the next lodging on, or dismiss it with a reason. Each proposal is decided once.
/// </summary>
public static class ProposalsApi
{
    private const int MaxCriterionBytes = 64 * 1024;
    private const int MaxDismissBytes = 4 * 1024;
    public const int MaxReasonLength = 500;

    /// <param name="Targeting">The alert's targeting as sent.</param>
    /// <param name="Criterion">The proposed criterion document (what adopting without an edit saves).</param>
    public sealed record ProposalView(
        string Id, string Status, string Sender, string MessageId, string Title, string Text, JsonElement Targeting, JsonElement Criterion,
        DateTimeOffset CreatedAt, DateTimeOffset ReceivedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? Reason, string? CriterionId,
        int? CriterionVersion);

    /// <summary>An adoption: the proposal as now recorded and the criterion saved.</summary>
    public sealed record AdoptionView(ProposalView Proposal, StoredCriterion Criterion);

    public sealed record DismissRequest
    {
        public string? Reason { get; init; }
    }

    /// <summary>An adoption: the proposal as adopted and the criterion it saved.</summary>
    public sealed record Adopted(RiskProposal Proposal, StoredCriterion Criterion);

    public static RouteGroupBuilder MapRiskProposals(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/risk/proposals").WithTags("Risk proposals");
        group.MapGet("/", ListAsync).WithName("ListRiskProposals").Produces<List<ProposalView>>().WithSummary("Criteria proposed by partners' risk alerts, newest first; ?status=proposed|adopted|dismissed")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(p => p.RequireRole(Roles.Analyst));
        group.MapGet("/{id}", GetAsync).WithName("GetRiskProposal").WithSummary("One proposal: the alert and the criterion it proposes")
            .RequireAuthorization(p => p.RequireRole(Roles.Analyst));
        group.MapPost("/{id}/adopt", AdoptRequestAsync).WithName("AdoptRiskProposal").WithSummary("Adopt a proposal: its criterion (or the edited one in the body) is saved and applies from the next lodging")
            .WithBodyLimit(MaxCriterionBytes)
            .WithDescription("The body is optional: an edited criterion document replacing the proposed one. Compiled like any criterion; 409 when the proposal was already decided or the criterion id exists.")
            .Accepts<Domain.Risk.CriterionDocument>("application/json")
            .Produces<AdoptionView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(p => p.RequireRole(Roles.Analyst));
        group.MapPost("/{id}/dismiss", DismissRequestAsync).WithName("DismissRiskProposal").WithSummary("Dismiss a proposal with a reason; it never applies")
            .Accepts<DismissRequest>("application/json")
            .Produces<ProposalView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(p => p.RequireRole(Roles.Analyst));
        return group;
    }

    public static ProposalView View(RiskProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return new ProposalView(
            proposal.Id, proposal.Status, proposal.Sender, proposal.MessageId, proposal.Title, proposal.Text,
            JsonSerializer.Deserialize<JsonElement>(proposal.TargetingJson), JsonSerializer.Deserialize<JsonElement>(proposal.CriterionJson),
            proposal.CreatedAt, proposal.ReceivedAt, proposal.DecidedBy, proposal.DecidedAt, proposal.Reason, proposal.CriterionId, proposal.CriterionVersion);
    }

    private static async Task<IResult> ListAsync(IRiskProposalStore store, CancellationToken cancellationToken, string? status = null, int limit = 100)
    {
        if ((status is not null && !RiskProposalStatus.IsKnown(status)) || limit is < 1 or > 1000)
        {
            return Refusal.Single(RefusalKind.Invalid, "Bad query",
                "status is proposed, adopted or dismissed (or absent for all); limit is between 1 and 1000.", "query.invalid", "").ToResult();
        }

        var proposals = await store.ListProposalsAsync(status, limit, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(proposals.Select(View).ToList());
    }

    private static async Task<Results<Ok<ProposalView>, NotFound>> GetAsync(string id, IRiskProposalStore store, CancellationToken cancellationToken) =>
        await store.GetProposalAsync(id, cancellationToken).ConfigureAwait(false) is { } proposal ? TypedResults.Ok(View(proposal)) : TypedResults.NotFound();

    private static async Task<IResult> AdoptRequestAsync(
        string id, HttpRequest request, IRiskProposalStore proposals, IRiskStore risk, RiskAssessor assessor, TimeProvider clock, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var body = await BodyReader.ReadAsync(request, MaxCriterionBytes, cancellationToken).ConfigureAwait(false);
        // The body is optional: without one the proposed criterion is adopted as it is.
        var empty = body.Refusal is { Issues: [{ Code: "body.empty" }] };
        if (!body.Succeeded && !empty)
        {
            return body.Refusal.ToResult();
        }

        var edited = empty ? null : Encoding.UTF8.GetString(body.Value);
        var decided = await AdoptAsync(id, edited, proposals, risk, assessor, clock, Caller.From(user), cancellationToken).ConfigureAwait(false);
        return decided.ToResult(adopted => TypedResults.Ok(new AdoptionView(View(adopted.Proposal), adopted.Criterion)));
    }

    /// <summary>
    /// Adopts a proposal still proposed: <paramref name="editedCriterion"/> (blank for the proposed one) is compiled and
    /// saved as a new criterion through the criteria's own save, then the proposal is marked adopted by <paramref name="caller"/>.
    /// Shared by the API and the portal.
    /// </summary>
    public static async Task<Outcome<Adopted>> AdoptAsync(
        string id, string? editedCriterion, IRiskProposalStore proposals, IRiskStore risk, RiskAssessor assessor, TimeProvider clock, Caller caller,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(proposals);
        ArgumentNullException.ThrowIfNull(caller);
        var proposal = await proposals.GetProposalAsync(id, cancellationToken).ConfigureAwait(false);
        if (Undecidable(id, proposal) is { } refusal)
        {
            return refusal;
        }

        var json = string.IsNullOrWhiteSpace(editedCriterion) ? proposal!.CriterionJson : editedCriterion;
        var saved = await CriteriaApi.SaveAsync(json, null, risk, assessor, clock, caller, cancellationToken).ConfigureAwait(false);
        if (!saved.TryGetValue(out var stored, out var invalid))
        {
            return invalid;
        }

        if (!await proposals.MarkAdoptedAsync(id, stored.Id, stored.Version, caller.KeyId, stored.CreatedAt, cancellationToken).ConfigureAwait(false))
        {
            // Another analyst decided it between our read and this write; the criterion just saved stays, as any criterion would.
            return Refusal.Single(RefusalKind.Conflict, "Already decided",
                $"Proposal {id} was decided by someone else meanwhile; criterion '{stored.Id}' was saved all the same (retire it if it is not wanted).",
                "proposal.decided", "");
        }

        return await proposals.GetProposalAsync(id, cancellationToken).ConfigureAwait(false) is { } adopted
            ? new Adopted(adopted, stored)
            : Unknown(id);
    }

    private static async Task<IResult> DismissRequestAsync(
        string id, HttpRequest request, IRiskProposalStore proposals, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var body = await BodyReader.ReadAsync(request, MaxDismissBytes, cancellationToken).ConfigureAwait(false);
        if (!body.Succeeded)
        {
            return body.Refusal.ToResult();
        }

        if (!PartnerValidation.Read<DismissRequest>(body.Value, "", "The dismissal could not be read.").TryGetValue(out var dismissal, out var unreadable))
        {
            return unreadable.ToResult();
        }

        var decided = await DismissAsync(id, dismissal.Reason, proposals, clock, Caller.From(user), cancellationToken).ConfigureAwait(false);
        return decided.ToResult(dismissed => TypedResults.Ok(View(dismissed)));
    }

    /// <summary>Dismisses a proposal still proposed, with <paramref name="reason"/> (required). Shared by the API and the portal.</summary>
    public static async Task<Outcome<RiskProposal>> DismissAsync(
        string id, string? reason, IRiskProposalStore proposals, TimeProvider clock, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(proposals);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(caller);
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength)
        {
            return Refusal.Single(RefusalKind.Invalid, "Reason required",
                string.Create(CultureInfo.InvariantCulture, $"A dismissal gives its reason (1 to {MaxReasonLength} characters)."), "reason.invalid", "/reason");
        }

        var proposal = await proposals.GetProposalAsync(id, cancellationToken).ConfigureAwait(false);
        if (Undecidable(id, proposal) is { } refusal)
        {
            return refusal;
        }

        if (!await proposals.DismissAsync(id, reason, caller.KeyId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return Refusal.Single(RefusalKind.Conflict, "Already decided",
                $"Proposal {id} was decided by someone else meanwhile.", "proposal.decided", "");
        }

        return await proposals.GetProposalAsync(id, cancellationToken).ConfigureAwait(false) is { } dismissed ? dismissed : Unknown(id);
    }

    private static Refusal? Undecidable(string id, RiskProposal? proposal) => proposal switch
    {
        null => Unknown(id),
        { Status: not RiskProposalStatus.Proposed } => Refusal.Single(RefusalKind.Conflict, "Already decided",
            string.Create(CultureInfo.InvariantCulture,
                $"Proposal {id} was {proposal.Status} by {proposal.DecidedBy} at {proposal.DecidedAt:O}{(proposal.CriterionId is null ? "" : $" (criterion '{proposal.CriterionId}')")}."),
            "proposal.decided", ""),
        _ => null,
    };

    private static Refusal Unknown(string id) =>
        Refusal.Single(RefusalKind.NotFound, "Unknown proposal", $"There is no proposal {id}.", "proposal.unknown", "");
}
