using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace SmartCustoms.Server.Hosting;

/// <summary>
/// Each endpoint's body limit: <c>SmartCustoms:Limits:MaxBodyBytes</c> unless its metadata says it takes more
/// (declarations, tariffs, evidence, models...). The limit is the standard <see cref="IRequestSizeLimitMetadata"/>,
/// so the portal's <c>[RequestSizeLimit]</c> pages are held to theirs by the same middleware.
/// </summary>
public static class BodyLimits
{
    public sealed record Limit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;

    /// <summary>This endpoint takes bodies up to <paramref name="bytes"/>.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(endpoint => endpoint.Metadata.Add(new Limit(bytes)));
        return builder;
    }

    /// <summary>This endpoint takes bodies up to a configured limit, read once when the endpoint is built.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, Func<SmartCustomsOptions, long> bytes)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(bytes);
        builder.Add(endpoint => endpoint.Metadata.Add(
            new Limit(bytes(endpoint.ApplicationServices.GetRequiredService<IOptions<SmartCustomsOptions>>().Value))));
        return builder;
    }

    /// <summary>Holds every request to its endpoint's limit; after routing, before anything reads a body.</summary>
    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app) => app.UseMiddleware<BodyLimitMiddleware>();
}
