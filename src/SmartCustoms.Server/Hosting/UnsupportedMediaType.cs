using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;
using SmartCustoms.Domain.Outcomes;

namespace SmartCustoms.Server.Hosting;

/// <summary>
/// When a body's content type matches no endpoint of the path (e.g. a signed message posted to the inbox as
/// <c>application/json</c>), routing picks its own 415 endpoint; without this it would fall to the authorization
/// policy and answer 401. The 415 names the content types the path takes.
/// </summary>
public static class UnsupportedMediaType
{
    private const string RoutingEndpointName = "415 HTTP Unsupported Media Type";

    public static IApplicationBuilder UseUnsupportedMediaTypeProblems(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.DisplayName != RoutingEndpointName)
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            var accepted = Accepted(context);
            var refusal = Refusal.Single(RefusalKind.UnsupportedMediaType, "Unsupported media type",
                $"'{context.Request.ContentType ?? "no content type"}' is not read here; send the body as {(accepted.Count == 0 ? "the API description documents" : string.Join(" or ", accepted))}.",
                "media-type.unsupported", "/headers/Content-Type");
            await refusal.ToResult().ExecuteAsync(context).ConfigureAwait(false);
        });

    private static List<string> Accepted(HttpContext context)
    {
        var sources = context.RequestServices.GetServices<EndpointDataSource>();
        var types = new List<string>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not { } accepts
                || endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods && !methods.HttpMethods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var matcher = new TemplateMatcher(TemplateParser.Parse(endpoint.RoutePattern.RawText ?? ""), new RouteValueDictionary());
            if (matcher.TryMatch(context.Request.Path, new RouteValueDictionary()))
            {
                types.AddRange(accepts.ContentTypes.Where(t => !types.Contains(t, StringComparer.OrdinalIgnoreCase)));
            }
        }

        return types;
    }
}
