using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using SmartCustoms.Domain.Access;
using SmartCustoms.Storage.Access;

namespace SmartCustoms.Server.Access;

/// <summary>
/// Checks an API key against the stored hashes, for the API (each request) and the portal (at sign-in, then on
/// every request of the session through the hash kept in its cookie, so that revoking a key also ends its sessions).
/// </summary>
public sealed class ApiKeyVerifier(IApiKeyStore keys, IMemoryCache cache, TimeProvider clock)
{
    /// <summary>Claim of a portal session holding the SHA-256 of its key (never the key itself).</summary>
    public const string KeyHashClaim = "smartcustoms:key-hash";

    // Short enough that a revoked key stops working quickly on every server, long enough to spare the database.
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);

    /// <summary>Marks a key revoked on this server at once; other servers see it when their cached entry expires.</summary>
    public static void ForgetRevoked(IMemoryCache cache, string keyId) => cache.Set(RevokedCacheKey(keyId), true, CacheFor);

    private static string RevokedCacheKey(string keyId) => "apikey-revoked:" + keyId;

    /// <summary>The key with this secret when it exists and is not revoked; null otherwise.</summary>
    public Task<ApiKey?> VerifyAsync(string secret, CancellationToken cancellationToken) => VerifyHashAsync(HashOf(secret), cancellationToken);

    /// <summary>The hexadecimal SHA-256 of a secret, as sessions keep it.</summary>
    public static string HashOf(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexString(ApiKeySecrets.Hash(secret.Trim()));
    }

    /// <summary>As <see cref="VerifyAsync"/>, from the hexadecimal SHA-256 of the secret.</summary>
    public async Task<ApiKey?> VerifyHashAsync(string hashHex, CancellationToken cancellationToken)
    {
        var cacheKey = "apikey:" + hashHex;
        if (!cache.TryGetValue(cacheKey, out ApiKey? key))
        {
            key = await keys.FindBySecretHashAsync(Convert.FromHexString(hashHex), cancellationToken).ConfigureAwait(false);
            if (key is not null)
            {
                cache.Set(cacheKey, key, CacheFor);
            }
        }

        return key is null || (key.RevokedAt is { } revoked && revoked <= clock.GetUtcNow()) || cache.TryGetValue(RevokedCacheKey(key.Id), out _)
            ? null
            : key;
    }

    /// <summary>The principal a verified key stands for, with the claims <see cref="Caller.From"/> reads.</summary>
    public static ClaimsPrincipal Principal(ApiKey key, string scheme, string? keyHashHex = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, key.Id),
            new(ClaimTypes.Name, key.Name),
            new(ClaimTypes.Role, Roles.Name(key.Role)),
        };
        if (key.PartyId is not null)
        {
            claims.Add(new Claim(Caller.PartyClaim, key.PartyId));
        }

        if (keyHashHex is not null)
        {
            claims.Add(new Claim(KeyHashClaim, keyHashHex));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
