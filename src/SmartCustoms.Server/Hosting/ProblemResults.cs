using SmartCustoms.Domain.Outcomes;

namespace SmartCustoms.Server.Hosting;

/// <summary>
/// The one mapping from the Domain's refusals to HTTP: every refusal is <c>application/problem+json</c> with its
/// status, <c>type</c> (<c>urn:smartcustoms:problem:{code}</c>), <c>title</c>, <c>detail</c>, <c>code</c> and the list of
/// <c>errors</c>, each with its code, message and pointer.
/// </summary>
public static class ProblemResults
{
    public static int Status(RefusalKind kind) => kind switch
    {
        RefusalKind.Invalid => StatusCodes.Status400BadRequest,
        RefusalKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        RefusalKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        RefusalKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        RefusalKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        RefusalKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        RefusalKind.StorageFull => StatusCodes.Status507InsufficientStorage,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>
    /// What a request names does not exist, or is not the caller's to see: answered as a bare 404, as every read of it is,
    /// so that the answer says nothing about what exists. The portal answers its own not-found page.
    /// </summary>
    public static readonly Refusal NotFound =
        Refusal.Single(RefusalKind.NotFound, "Not found", "There is nothing by this name that you may see.", "not-found");

    public static bool IsNotFound(this Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Kind == RefusalKind.NotFound && string.Equals(refusal.Code, NotFound.Code, StringComparison.Ordinal);
    }

    /// <summary>The refusal's problem; <see cref="NotFound"/> as a bare 404.</summary>
    public static IResult ToResult(this Refusal refusal) => refusal.IsNotFound() ? TypedResults.NotFound() : refusal.ToProblem();

    /// <summary>The same answer typed, for handlers that declare their results (<c>Results&lt;Ok&lt;T&gt;, ProblemHttpResult&gt;</c>).</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult ToProblem(this Refusal refusal) =>
        TypedResults.Problem(refusal.ToProblemDetails());

    /// <summary>The problem document itself, for writers outside an endpoint (exception handler, middleware).</summary>
    public static Microsoft.AspNetCore.Mvc.ProblemDetails ToProblemDetails(this Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Title = refusal.Title,
            Detail = refusal.Detail,
            Status = Status(refusal.Kind),
            Type = refusal.Type,
        };
        foreach (var (key, value) in Extensions(refusal))
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    /// <summary>The value as its success result, the refusal as its problem.</summary>
    public static IResult ToResult<T>(this Outcome<T> outcome, Func<T, IResult> success) =>
        outcome.Match(success, ToResult);

    private static Dictionary<string, object?> Extensions(Refusal refusal) =>
        new(StringComparer.Ordinal) { ["code"] = refusal.Code, ["errors"] = refusal.Issues };
}
