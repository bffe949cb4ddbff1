using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using SmartCustoms.Domain.Access;

namespace SmartCustoms.Server.Hosting;

/// <summary>
/// Declares every problem an operation can answer, read from what its endpoint is held to: 401 and 403 from its
/// authorization, 413 and 415 when it takes a body (its own limit or the node's), 429 from its rate limit, 400 when it
/// reads input, 404 when its path names something, 507 when it writes; plus those the endpoint declares itself
/// (409, 422...). Each is <c>application/problem+json</c> with the shared <c>Problem</c> schema.
/// </summary>
public sealed class ProblemResponsesTransformer(IAuthorizationPolicyProvider policies, IOptions<SmartCustomsOptions> options) : IOpenApiOperationTransformer
{
    private static readonly int AllRoles = Enum.GetValues<Role>().Length;

    // Said of the problems an endpoint declares itself (ProducesProblem), where the framework leaves the reason phrase.
    private static readonly Dictionary<int, string> Declared = new()
    {
        [StatusCodes.Status400BadRequest] = "The request is not valid: each error names its field (errors[].pointer).",
        [StatusCodes.Status401Unauthorized] = "The credentials were not accepted.",
        [StatusCodes.Status403Forbidden] = "Not allowed.",
        [StatusCodes.Status404NotFound] = "Not found, or not the caller's to see.",
        [StatusCodes.Status409Conflict] = "The state of what exists forbids it now (e.g. a used LRN, a decided proposal, a closed control).",
        [StatusCodes.Status413PayloadTooLarge] = "The body is larger than this operation accepts.",
        [StatusCodes.Status415UnsupportedMediaType] = "The body's content type is not one this operation reads.",
        [StatusCodes.Status422UnprocessableEntity] = "Well-formed, but it refers to something unusable (e.g. an unknown partner).",
        [StatusCodes.Status503ServiceUnavailable] = "The node cannot serve the request now.",
    };

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var method = description.HttpMethod ?? "GET";
        var writes = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);
        var takesBody = operation.RequestBody is not null || metadata.OfType<IRequestSizeLimitMetadata>().Any();
        var roles = await ApiAccessTransformer.ReadAsync(metadata, policies).ConfigureAwait(false);

        var problems = new SortedDictionary<int, string>();
        // A path segment read as text cannot fail to bind; anything else read from the request can.
        if (takesBody || operation.Parameters?.Any(p => p.In != ParameterLocation.Path || p.Schema?.Type != JsonSchemaType.String) == true)
        {
            problems[StatusCodes.Status400BadRequest] = "The request is not valid: each error names its field (errors[].pointer).";
        }

        if (roles is not null)
        {
            problems[StatusCodes.Status401Unauthorized] = "No API key, or one that is unknown or revoked: send 'Authorization: Bearer <api key>'.";
            if (roles.Count < AllRoles)
            {
                problems[StatusCodes.Status403Forbidden] = $"The API key's role may not use this operation; it needs {string.Join(" or ", roles)} (x-roles).";
            }
        }

        if (operation.Parameters?.Any(p => p.In == ParameterLocation.Path) == true)
        {
            problems[StatusCodes.Status404NotFound] = "Not found, or not the caller's to see.";
        }

        if (takesBody)
        {
            var limit = metadata.OfType<IRequestSizeLimitMetadata>().LastOrDefault() is { } own ? own.MaxRequestBodySize : options.Value.Limits.MaxBodyBytes;
            problems[StatusCodes.Status413PayloadTooLarge] = limit is { } bytes
                ? string.Create(CultureInfo.InvariantCulture, $"The body is larger than the {bytes} bytes this operation accepts.")
                : "The body is larger than the node accepts.";
            problems[StatusCodes.Status415UnsupportedMediaType] = "The body's content type is not one this operation reads.";
        }

        var rateLimited = metadata.OfType<EnableRateLimitingAttribute>().Any() && !metadata.OfType<DisableRateLimitingAttribute>().Any();
        if (rateLimited)
        {
            problems[StatusCodes.Status429TooManyRequests] = "Too many requests from this client: try again after the seconds in Retry-After.";
        }

        if (writes)
        {
            problems[StatusCodes.Status507InsufficientStorage] = "The node's storage is full: nothing was stored.";
        }

        operation.Responses ??= [];
        foreach (var (status, text) in problems)
        {
            var key = status.ToString(CultureInfo.InvariantCulture);
            if (!operation.Responses.ContainsKey(key))
            {
                operation.Responses[key] = new OpenApiResponse { Description = text };
            }
            else if (operation.Responses[key] is OpenApiResponse declared && IsReasonPhrase(declared.Description, status))
            {
                declared.Description = text;
            }
        }

        var problem = ApiDescription.Problem(context.Document!);
        foreach (var (key, response) in operation.Responses)
        {
            if (response is OpenApiResponse own && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status >= 400)
            {
                if (IsReasonPhrase(own.Description, status) && Declared.TryGetValue(status, out var text))
                {
                    own.Description = text;
                }

                own.Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                {
                    [ApiDescription.ProblemMediaType] = new OpenApiMediaType { Schema = problem },
                };
                if (status == StatusCodes.Status429TooManyRequests)
                {
                    own.Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
                    {
                        ["Retry-After"] = new OpenApiHeader
                        {
                            Description = "Seconds to wait before trying again.",
                            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                        },
                    };
                }
            }
        }

        // Responses in status order, so that the document (and a client generated from it) reads the same every time.
        var ordered = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (key, response) in ordered)
        {
            operation.Responses[key] = response;
        }
    }

    private static bool IsReasonPhrase(string? description, int status) =>
        string.IsNullOrEmpty(description)
        || string.Equals(description, Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status), StringComparison.Ordinal);
}
