using Microsoft.AspNetCore.Diagnostics;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Storage.Health;

namespace SmartCustoms.Server.Hosting;

/// <summary>
/// A write that failed because the disk or the database is full answers 507 with a problem saying so, rather than a
/// bare 500: the client learns that nothing was stored and that the operator must act. Every other exception is
/// left to the next handler.
/// </summary>
public sealed partial class StorageFullExceptionHandler(ILogger<StorageFullExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!StorageFailure.IsFull(exception))
        {
            return false;
        }

        LogStorageFull(logger, httpContext.Request.Method, httpContext.Request.Path);
        var refusal = Refusal.Single(RefusalKind.StorageFull, "Storage full",
            "The node's storage is full, so nothing was stored; try again later and tell the node's operator.", "storage.full", "");
        await refusal.ToResult().ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(EventId = 50, EventName = "StorageFull", Level = LogLevel.Error,
        Message = "{Method} {Path} refused: the node's storage is full (disk or database); free space or raise the quota")]
    private static partial void LogStorageFull(ILogger logger, string method, string path);
}
