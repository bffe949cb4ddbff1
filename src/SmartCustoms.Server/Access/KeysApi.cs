using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Memory;
using SmartCustoms.Domain.Access;
using SmartCustoms.Storage.Access;

namespace SmartCustoms.Server.Access;

public static class KeysApi
{
    public static RouteGroupBuilder MapKeys(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/keys").WithTags("Keys").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapPost("/", CreateAsync).WithName("CreateApiKey").WithSummary("Create an API key (the secret is shown once)");
        group.MapGet("/", ListAsync).WithName("ListApiKeys").WithSummary("List API keys (never their secrets)");
        group.MapDelete("/{id}", RevokeAsync).WithName("RevokeApiKey").WithSummary("Revoke an API key");
        return group;
    }

    public sealed record CreateKeyRequest
    {
        [Required]
        public string? Role { get; init; }

        /// <summary>The party (e.g. EORI) a trader key acts for; required for traders only.</summary>
        public string? PartyId { get; init; }
        public string? Name { get; init; }
    }

    public sealed record CreatedKey(string Id, string Key, string Role, string? PartyId, string Name);

    public sealed record KeyInfo(string Id, string Role, string? PartyId, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    private static async Task<Results<Created<CreatedKey>, ValidationProblem>> CreateAsync(
        CreateKeyRequest request, ApiKeyIssuer issuer, CancellationToken cancellationToken)
    {
        var (key, secret, errors) = await issuer.IssueAsync(request.Role, request.PartyId, request.Name, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var body = new CreatedKey(key.Id, secret!, Roles.Name(key.Role), key.PartyId, key.Name);
        return TypedResults.Created($"/api/keys/{key.Id}", body);
    }

    private static async Task<Ok<IReadOnlyList<KeyInfo>>> ListAsync(IApiKeyStore keys, CancellationToken cancellationToken)
    {
        var all = await keys.ListAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<KeyInfo> infos = [.. all.Select(k => new KeyInfo(k.Id, Roles.Name(k.Role), k.PartyId, k.Name, k.CreatedAt, k.RevokedAt))];
        return TypedResults.Ok(infos);
    }

    private static async Task<Results<NoContent, NotFound>> RevokeAsync(
        string id, IApiKeyStore keys, IMemoryCache cache, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await keys.RevokeAsync(id, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return TypedResults.NotFound();
        }

        ApiKeyVerifier.ForgetRevoked(cache, id);
        return TypedResults.NoContent();
    }
}
