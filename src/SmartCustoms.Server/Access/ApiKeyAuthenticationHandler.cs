using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Access;
using SmartCustoms.Storage.Access;

namespace SmartCustoms.Server.Access;

/// <summary>Authenticates <c>Authorization: Bearer &lt;api key&gt;</c> against the stored key hashes.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiKeyStore keys,
    IMemoryCache cache,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    // Short enough that a revoked key stops working quickly on every server, long enough to spare the database.
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);

    /// <summary>Marks a key revoked on this server at once; other servers see it when their cached entry expires.</summary>
    public static void ForgetRevoked(IMemoryCache cache, string keyId) => cache.Set(RevokedCacheKey(keyId), true, CacheFor);

    private static string RevokedCacheKey(string keyId) => "apikey-revoked:" + keyId;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length > 200)
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <api key>'.");
        }

        var hash = ApiKeySecrets.Hash(header["Bearer ".Length..].Trim());
        var cacheKey = "apikey:" + Convert.ToHexString(hash);
        if (!cache.TryGetValue(cacheKey, out ApiKey? key))
        {
            key = await keys.FindBySecretHashAsync(hash, Context.RequestAborted).ConfigureAwait(false);
            if (key is not null)
            {
                cache.Set(cacheKey, key, CacheFor);
            }
        }

        if (key is null || (key.RevokedAt is { } revoked && revoked <= clock.GetUtcNow()) || cache.TryGetValue(RevokedCacheKey(key.Id), out _))
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, key.Id),
            new(ClaimTypes.Role, Roles.Name(key.Role)),
        };
        if (key.PartyId is not null)
        {
            claims.Add(new Claim(Caller.PartyClaim, key.PartyId));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }
}
