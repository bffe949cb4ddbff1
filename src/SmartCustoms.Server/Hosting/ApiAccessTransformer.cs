using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SmartCustoms.Domain.Access;

namespace SmartCustoms.Server.Hosting;

/// <summary>
/// Each operation's access as its endpoint enforces it: the policy the authorization middleware would combine from
/// the endpoint's metadata (or the fallback policy), read back into the bearer requirement, the roles allowed
/// (<c>x-roles</c> and a sentence of the description) and nothing at all on anonymous endpoints.
/// </summary>
public sealed class ApiAccessTransformer(IAuthorizationPolicyProvider policies) : IOpenApiOperationTransformer
{
    public const string RolesExtension = "x-roles";

    private static readonly string[] AllRoles = [.. Enum.GetValues<Role>().Select(Access.Roles.Name)];

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var access = await ReadAsync(context.Description.ActionDescriptor.EndpointMetadata, policies).ConfigureAwait(false);
        if (access is null)
        {
            // An empty requirement: callable without credentials (a generator then sends none).
            operation.Security = [new OpenApiSecurityRequirement()];
            operation.Description = Sentence(operation.Description, "No API key is needed.");
            return;
        }

        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDescription.BearerScheme, context.Document)] = [] }];
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal);
        operation.Extensions[RolesExtension] = new JsonNodeExtension(new JsonArray([.. access.Select(r => JsonValue.Create(r))]));
        operation.Description = Sentence(operation.Description, access.Count == AllRoles.Length
            ? "Needs an API key of any role."
            : $"Needs an API key with the role {string.Join(" or ", access)}.");
    }

    /// <summary>The roles that may call an endpoint, every role when any key will do; null when it takes no key.</summary>
    public static async Task<IReadOnlyList<string>?> ReadAsync(IList<object> metadata, IAuthorizationPolicyProvider policies)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(policies);
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return null;
        }

        var policy = await AuthorizationPolicy.CombineAsync(policies, metadata.OfType<IAuthorizeData>(), metadata.OfType<AuthorizationPolicy>()).ConfigureAwait(false)
            ?? await policies.GetFallbackPolicyAsync().ConfigureAwait(false);
        if (policy is null)
        {
            return null;
        }

        // Every roles requirement must hold: the roles allowed are those all of them name.
        IEnumerable<string> allowed = AllRoles;
        foreach (var roles in policy.Requirements.OfType<RolesAuthorizationRequirement>())
        {
            allowed = allowed.Where(r => roles.AllowedRoles.Contains(r, StringComparer.Ordinal));
        }

        return [.. allowed];
    }

    private static string Sentence(string? description, string sentence) =>
        string.IsNullOrWhiteSpace(description) ? sentence : description.TrimEnd() + " " + sentence;
}
