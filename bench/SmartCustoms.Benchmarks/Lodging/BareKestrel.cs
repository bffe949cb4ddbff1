using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SmartCustoms.Benchmarks.Lodging;

/// <summary>
/// The machine's ceiling for the lodging benchmark: Kestrel and a minimal API endpoint that parses the same body
/// (JSON into a <see cref="JsonDocument"/>, WCO XML into an <see cref="XDocument"/>), takes its LRN and answers 201,
/// with no authentication, validation or storage. Runs as a child process like the node.
/// </summary>
public static class BareKestrel
{
    public const string Flag = "--bare-kestrel";

    public sealed record Answer(string? Lrn, string Status);

    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/health", () => Results.Ok());
        app.MapGet("/health/live", () => Results.Ok());
        app.MapPost("/api/declarations", async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            string? lrn;
            if (request.ContentType?.StartsWith("application/xml", StringComparison.OrdinalIgnoreCase) == true)
            {
                var document = await XDocument.LoadAsync(request.Body, LoadOptions.None, cancellationToken).ConfigureAwait(false);
                lrn = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "FunctionalReferenceID")?.Value;
            }
            else
            {
                using var document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken).ConfigureAwait(false);
                lrn = document.RootElement.GetProperty("lrn").GetString();
            }

            return Results.Json(new Answer(lrn, "accepted"), statusCode: StatusCodes.Status201Created);
        });
        await app.RunAsync().ConfigureAwait(false);
    }
}
