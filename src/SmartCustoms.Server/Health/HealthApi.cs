using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmartCustoms.Server.Health;

/// <summary>
/// The probes, anonymous: <c>/health/live</c> (the process answers; no I/O), <c>/health/ready</c> (every check, as
/// JSON naming each; 503 when one fails) and <c>/health</c> (the same checks answered as one word, as before).
/// </summary>
public static class HealthApi
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddNodeHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [ReadyTag])
            .AddCheck<DiskSpaceHealthCheck>("disk", tags: [ReadyTag])
            .AddCheck<BackgroundServicesHealthCheck>("background", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapNodeHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJsonAsync })
            .AllowAnonymous().DisableHttpMetrics();
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = Ready, ResponseWriter = WriteJsonAsync })
            .AllowAnonymous().DisableHttpMetrics();
        routes.MapHealthChecks("/health", new HealthCheckOptions { Predicate = Ready }).AllowAnonymous().DisableHttpMetrics();
        return routes;
    }

    private static bool Ready(HealthCheckRegistration check) => check.Tags.Contains(ReadyTag);

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data.Count == 0 ? null : e.Value.Data,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json), context.RequestAborted);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
