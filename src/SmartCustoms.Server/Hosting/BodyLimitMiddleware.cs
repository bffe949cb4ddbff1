using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Outcomes;

namespace SmartCustoms.Server.Hosting;

/// <summary>
/// Refuses a declared Content-Length over the endpoint's limit before a byte is read, and cuts a body without one
/// (chunked) at the limit. Either way the client gets 413 <c>body.too-large</c>, also when the framework's own JSON
/// binding hit the limit and swallowed the error (it would otherwise answer 400 or 500 for a body it never saw whole).
/// </summary>
public sealed class BodyLimitMiddleware(RequestDelegate next, IOptions<SmartCustomsOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        var limit = metadata is null ? options.Value.Limits.MaxBodyBytes : metadata.MaxRequestBodySize;
        if (limit is not { } max)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (context.Request.ContentLength > max)
        {
            await TooLargeAsync(context, max).ConfigureAwait(false);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = max;
        }

        // A body with a length cannot outgrow it; one without is counted as it is read (in process too, where
        // the server does not enforce IHttpMaxRequestBodySizeFeature).
        LimitedBody? counted = null;
        if (context.Request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != false)
        {
            counted = new LimitedBody(context.Request.Body, max);
            context.Request.Body = counted;
        }

        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await TooLargeAsync(context, max).ConfigureAwait(false);
            return;
        }

        if (counted is { Exceeded: true } && !context.Response.HasStarted)
        {
            context.Response.Clear();
            await TooLargeAsync(context, max).ConfigureAwait(false);
        }
    }

    private static Task TooLargeAsync(HttpContext context, long max) =>
        Refusal.TooLarge(max).ToResult().ExecuteAsync(context);
}
