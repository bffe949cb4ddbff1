using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Postal;
using SmartCustoms.Server.Access;
using SmartCustoms.Server.Declarations;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Postal;

namespace SmartCustoms.Server.Postal;

/// <summary>
/// Postal and express items: carriers send their items' advance data in batches and collect customs' answers by
/// cursor; officers and analysts read items and answers of every operator.
/// </summary>
public static class PostalApi
{
    private static readonly string[] Readers = [Roles.Carrier, Roles.Officer, Roles.Analyst];

    /// <summary>The shape of a batch as the API description shows it (the items are read one by one, so that one bad item refuses only itself).</summary>
    public sealed record PostalBatchRequest(string MessageId, string? Operator, IReadOnlyList<PostalItem> Items);

    public static RouteGroupBuilder MapPostal(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/postal").WithTags("Postal");
        group.MapPost("/items", TakeAsync).WithName("SendPostalItems")
            .WithSummary("Send a batch of postal items' advance data (up to 10,000 items)")
            .WithDescription("Each item is validated on its own and acknowledged in the batch's order: accepted, acceptedWithWarnings, or refused with every error and its pointer (/items/3/contents/0/value); refused items are not stored, the others are. Sending the same messageId again is harmless: items already taken are acknowledged as duplicates. 400 only when the batch itself cannot be read; 403 when it names another operator than the key's. Answers: GET /api/postal/answers.")
            .WithBodyLimit(o => o.Postal.MaxBatchBytes)
            .Accepts<PostalBatchRequest>("application/json")
            .Produces<BatchAcknowledgement>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .RequireAuthorization(p => p.RequireRole(Roles.Carrier));
        group.MapGet("/answers", AnswersAsync).WithName("ListPostalAnswers")
            .WithSummary("Customs' answers after a cursor, oldest first (a carrier sees its own operator's)")
            .WithDescription("Each accepted item gets one answer: release, releaseWithDutyDue, holdForInformation or inspect, with its reasons and the duty estimate. Pass the page's next as after to collect the answers that follow; officers and analysts may filter by operator.")
            .Produces<AnswerPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(p => p.RequireRole(Readers));
        group.MapGet("/items/{operator}/{itemId}", GetAsync).WithName("GetPostalItem")
            .WithSummary("One item's advance data, acknowledgement and answer, every message's version, newest first")
            .Produces<IReadOnlyList<PostalItemResponse>>()
            .RequireAuthorization(p => p.RequireRole(Readers));
        return group;
    }

    private static async Task<IResult> TakeAsync(
        HttpRequest request, PostalIntakeService intake, IOptions<SmartCustomsOptions> options, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var body = await BodyReader.ReadAsync(request, options.Value.Postal.MaxBatchBytes, cancellationToken).ConfigureAwait(false);
        if (!body.Succeeded)
        {
            return body.Refusal.ToResult();
        }

        var taken = await intake.TakeAsync(body.Value, Caller.From(user), cancellationToken).ConfigureAwait(false);
        return taken.ToResult(TypedResults.Ok);
    }

    private static async Task<Results<Ok<AnswerPage>, ProblemHttpResult>> AnswersAsync(
        IPostalStore store, ClaimsPrincipal user, CancellationToken cancellationToken, long after = 0, int limit = 500, string? @operator = null)
    {
        if (after < 0 || limit is < 1 or > 5000)
        {
            return Refusal.Single(RefusalKind.Invalid, "Bad query", "after is a cursor from an earlier answer (0 to start) and limit is between 1 and 5000.", "query.invalid",
                after < 0 ? "/after" : "/limit").ToProblem();
        }

        var caller = Caller.From(user);
        var carrier = caller.Role == Domain.Access.Role.Carrier;
        if (carrier && @operator is not null && !string.Equals(@operator, caller.PartyId, StringComparison.Ordinal))
        {
            return Refusal.Single(RefusalKind.Forbidden, "Not your operator", "A carrier key reads its own operator's answers only.", "postal.operator", "/operator").ToProblem();
        }

        var answers = await store.ListAnswersAsync(carrier ? caller.PartyId : @operator, after, limit, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new AnswerPage([.. answers.Select(a => AnswerResponse.From(a, carrier))], answers.Count > 0 ? answers[^1].Cursor : after));
    }

    private static async Task<Results<Ok<IReadOnlyList<PostalItemResponse>>, NotFound>> GetAsync(
        string @operator, string itemId, IPostalStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var carrier = caller.Role == Domain.Access.Role.Carrier;
        if (carrier && !string.Equals(@operator, caller.PartyId, StringComparison.Ordinal))
        {
            return TypedResults.NotFound();
        }

        var versions = await store.GetAsync(@operator, S10.Normalise(itemId) is var s10 && S10.Fault(s10) is null ? s10 : itemId, cancellationToken).ConfigureAwait(false);
        if (versions.Count == 0)
        {
            return TypedResults.NotFound();
        }

        IReadOnlyList<PostalItemResponse> body = [.. versions.Select(v => new PostalItemResponse(
            v.Intake.Operator, v.Intake.ItemId, v.Intake.MessageId, v.Intake.Status, v.Intake.Warnings, v.Intake.ReceivedAt, v.Intake.Item,
            v.Answer is null ? null : AnswerResponse.From(v.Answer, carrier)))];
        return TypedResults.Ok(body);
    }
}
