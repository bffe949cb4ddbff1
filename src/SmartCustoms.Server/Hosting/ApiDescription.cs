using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SmartCustoms.Server.Hosting;

/// <summary>
/// The API description at <c>/openapi/v1.json</c>, written for client generators: the bearer scheme API keys are
/// sent in, each operation's security and roles (<see cref="ApiAccessTransformer"/>), and every problem response
/// an operation can give with the one <c>Problem</c> shape (<see cref="ProblemResponsesTransformer"/>).
/// </summary>
public static class ApiDescription
{
    public const string BearerScheme = "bearer";
    public const string ProblemSchema = "Problem";
    public const string ProblemIssueSchema = "ProblemIssue";
    public const string ProblemMediaType = "application/problem+json";

    public static IServiceCollection AddSmartCustomsApiDescription(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<DocumentTransformer>();
            options.AddOperationTransformer<ApiAccessTransformer>();
            options.AddOperationTransformer<ProblemResponsesTransformer>();
            options.AddSchemaTransformer((schema, _, _) =>
            {
                // Enums are written as their camel-case names; without the type a generator reads them as numbers. Where a
                // property may be null it says so itself (oneOf null or the enum), so the enum lists only its names.
                if (schema.Type is null && schema.Enum is { Count: > 0 } values && values.All(v => v is null || v.GetValueKind() == System.Text.Json.JsonValueKind.String))
                {
                    schema.Type = JsonSchemaType.String;
                    schema.Enum = [.. values.Where(v => v is not null)];
                }

                return Task.CompletedTask;
            });
        });

    /// <summary>A reference to the shared problem schema, declared in the document on first use.</summary>
    internal static OpenApiSchemaReference Problem(OpenApiDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        document.Components.Schemas.TryAdd(ProblemIssueSchema, IssueShape());
        document.Components.Schemas.TryAdd(ProblemSchema, ProblemShape(document));
        return new OpenApiSchemaReference(ProblemSchema, document);
    }

    // The shape ProblemResults writes (and the framework's status-code pages, which leave out code and errors).
    private static OpenApiSchema ProblemShape(OpenApiDocument document) => new()
    {
        Type = JsonSchemaType.Object,
        Description = "Every refusal, as application/problem+json (RFC 9457).",
        Required = new HashSet<string>(StringComparer.Ordinal) { "type", "title", "status" },
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = Text("urn:smartcustoms:problem:{code} for the node's own refusals."),
            ["title"] = Text("A short summary of the problem."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." },
            ["detail"] = Text("What was wrong and what to send instead."),
            ["instance"] = Text("The request concerned, when given."),
            ["code"] = Text("A stable code to act on in code, e.g. validation, lrn.conflict, auth.required."),
            ["traceId"] = Text("The request's trace id, to quote to an operator."),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "Every fault found, each naming its field.",
                Items = new OpenApiSchemaReference(ProblemIssueSchema, document),
            },
        },
    };

    private static OpenApiSchema IssueShape() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "One fault in what was sent.",
        Required = new HashSet<string>(StringComparer.Ordinal) { "code", "message", "pointer", "severity" },
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["code"] = Text("A stable code, e.g. required, hs-code.invalid."),
            ["message"] = Text("What is wrong, for a person."),
            ["pointer"] = Text("The field concerned: a JSON Pointer (/items/0/hsCode), a WCO path, a header (/headers/Authorization), or empty for the whole input."),
            ["severity"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("error"), JsonValue.Create("warning")] },
            ["line"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The line, for inputs read line by line (CSV, JSON Lines)." },
        },
    };

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    private static bool Referenced(OpenApiDocument document, string schemaId) =>
        (document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>())
            .SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            .SelectMany(operation => (operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
                .SelectMany(response => response.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>())
                .Concat(operation.RequestBody?.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>()))
            .Any(media => media.Schema is OpenApiSchemaReference reference && string.Equals(reference.Reference.Id, schemaId, StringComparison.Ordinal));

    private sealed class DocumentTransformer : IOpenApiDocumentTransformer
    {
        private static readonly string[] FrameworkProblemSchemas = ["ProblemDetails", "HttpValidationProblemDetails"];

        private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
        {
            ["Keys"] = "API keys and their roles (administrators).",
            ["Declarations"] = "Lodging declarations, reading them, their notifications and their lifecycle.",
            ["Tariff"] = "The tariff duties are assessed by.",
            ["Risk criteria"] = "The risk criteria that route declarations to lanes.",
            ["Risk lanes"] = "Lane thresholds and random selection rates.",
            ["Risk performance"] = "How well the criteria and lanes find what controls confirm.",
            ["Risk proposals"] = "Criteria proposed from control results, adopted or dismissed by analysts.",
            ["Fraud models"] = "The fraud-risk models: upload, train, activate.",
            ["Exchange"] = "Signed messages with partner customs nodes.",
            ["AEO"] = "Authorised economic operators and their mutual recognition.",
        };

        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            document.Info ??= new OpenApiInfo();
            document.Info.Title = "SmartCustoms node API";
            document.Info.Description = "Declarations, risk, tariff, AEO and the exchange between customs nodes. Every request but the node card and "
                + "the exchange inbox sends an API key as 'Authorization: Bearer sck_...'; every refusal is application/problem+json.";
            document.Info.License = new OpenApiLicense { Name = "Apache-2.0", Url = new Uri("https://www.apache.org/licenses/LICENSE-2.0") };

            // The server the document was read from, without the trailing slash (paths start with one).
            foreach (var server in document.Servers ?? [])
            {
                server.Url = server.Url?.TrimEnd('/');
            }

            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "sck_ API key",
                Description = "An API key, created by an administrator (POST /api/keys or `smartcustoms keys create`), sent as 'Authorization: Bearer sck_...'.",
            };
            _ = Problem(document);
            // The framework's own problem shapes, left unused once every problem response is the Problem schema.
            foreach (var unused in FrameworkProblemSchemas.Where(id => !Referenced(document, id)))
            {
                document.Components.Schemas?.Remove(unused);
            }

            foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
            {
                if (tag.Name is { } name && tag.Description is null && TagDescriptions.TryGetValue(name, out var description))
                {
                    tag.Description = description;
                }
            }

            return Task.CompletedTask;
        }
    }
}
