using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SmartCustoms.Server.Hosting;

public static class TelemetryServices
{
    /// <summary>
    /// Exports the node's traces and metrics (its own, ASP.NET Core's, outgoing HTTP's and Npgsql's) over OTLP when
    /// <c>SmartCustoms:Telemetry:OtlpEndpoint</c> or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names a collector. Without
    /// either nothing is registered, so an unobserved node spends nothing on traces.
    /// </summary>
    public static WebApplicationBuilder AddNodeTelemetry(this WebApplicationBuilder builder, SmartCustomsOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.Telemetry.OtlpEndpoint ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("smartcustoms", serviceInstanceId: $"{options.NodeId}:{Environment.MachineName}:{Environment.ProcessId}"))
            .WithTracing(tracing => tracing
                .AddSource(NodeTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter(NodeTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        // The standard variables (OTEL_EXPORTER_OTLP_PROTOCOL, _HEADERS, ...) apply unless the node's own setting names the collector.
        _ = options.Telemetry.OtlpEndpoint is { } own
            ? telemetry.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(own))
            : telemetry.UseOtlpExporter();
        return builder;
    }
}
