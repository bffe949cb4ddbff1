using Microsoft.AspNetCore.Diagnostics;
using SmartCustoms.Domain.Outcomes;

namespace SmartCustoms.Server.Hosting;

/// <summary>
/// The last line: no exception reaches a client as a stack trace or a bare 500. Bad input (see
/// <see cref="RequestErrors"/>) is answered with its problem and logged at debug level only, so that a hostile client
/// cannot flood the log; a client that went away gets nothing; anything else is a bug, logged as an error with the
/// trace id that the problem gives the caller.
/// </summary>
public sealed partial class RequestExceptionHandler(ILogger<RequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        if (httpContext.RequestAborted.IsCancellationRequested)
        {
            LogAborted(logger, httpContext.Request.Method, httpContext.Request.Path);
            return true;
        }

        var refusal = RequestErrors.Classify(exception);
        if (refusal is null)
        {
            LogFailed(logger, httpContext.Request.Method, httpContext.Request.Path, httpContext.TraceIdentifier, exception);
            var failure = Refusal.Single(RefusalKind.Unavailable, "Internal error",
                $"The node could not complete this request. Nothing was stored by it; the operator finds the cause in the node's log under trace id {httpContext.TraceIdentifier}.",
                "internal");
            if (httpContext.Response.HasStarted)
            {
                return true;
            }

            await Write(httpContext, failure, StatusCodes.Status500InternalServerError).ConfigureAwait(false);
            return true;
        }

        LogRefused(logger, httpContext.Request.Method, httpContext.Request.Path, refusal.Code, exception.Message);
        if (httpContext.Response.HasStarted)
        {
            return true;
        }

        await Write(httpContext, refusal, ProblemResults.Status(refusal.Kind)).ConfigureAwait(false);
        return true;
    }

    private static Task Write(HttpContext httpContext, Refusal refusal, int status)
    {
        var problem = refusal.ToProblemDetails();
        problem.Status = status;
        return TypedResults.Problem(problem).ExecuteAsync(httpContext);
    }

    [LoggerMessage(EventId = 900, EventName = "RequestAborted", Level = LogLevel.Debug, Message = "{Method} {Path}: the client went away before the answer")]
    private static partial void LogAborted(ILogger logger, string method, PathString path);

    [LoggerMessage(EventId = 901, EventName = "RequestRefused", Level = LogLevel.Debug, Message = "{Method} {Path} refused ({Code}): {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, string code, string reason);

    [LoggerMessage(EventId = 902, EventName = "RequestFailed", Level = LogLevel.Error, Message = "{Method} {Path} failed (trace id {TraceId})")]
    private static partial void LogFailed(ILogger logger, string method, PathString path, string traceId, Exception exception);
}
