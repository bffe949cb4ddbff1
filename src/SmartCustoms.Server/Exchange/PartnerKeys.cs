using System.Collections.Concurrent;
using System.Security.Cryptography;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Storage.Exchange;

namespace SmartCustoms.Server.Exchange;

/// <summary>
/// Which registered partner a key id belongs to, and whether that key verifies a JWS now: the inbox's check of every
/// message and the outbox's check of every receipt.
/// </summary>
/// <remarks>
/// The partners' keys are imported once per registered card: importing a P-256 public key validates the point, which
/// costs more than the signature check itself (about 170 against 100 µs). A card changed by a new registration or a
/// key rotation is another cache entry, so a replaced key stops verifying at once.
/// </remarks>
public static class PartnerKeys
{
    // Cards change on registration and key rotation only; the bound only guards against a churn nobody expects.
    private const int MaxCards = 64;

    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, PartnerKey>> Cards = new(StringComparer.Ordinal);

    public enum Verdict
    {
        Verified,
        UnknownKey,
        KeyNotValid,
        BadSignature,
    }

    /// <summary>Verifies against the keys of the partners given; <paramref name="partner"/> is the key's owner when the kid is known.</summary>
    public static Verdict Verify(JwsParts jws, IEnumerable<PartnerRecord> partners, DateTimeOffset now, out PartnerRecord? partner)
    {
        ArgumentNullException.ThrowIfNull(jws);
        ArgumentNullException.ThrowIfNull(partners);
        foreach (var candidate in partners)
        {
            // The first key of a card with that id, as registered.
            if (!KeysOf(candidate).TryGetValue(jws.KeyId, out var key))
            {
                continue;
            }

            partner = candidate;
            if (!key.Jwk.ValidAt(now))
            {
                return Verdict.KeyNotValid;
            }

            if (key.Verifier is null)
            {
                return Verdict.BadSignature;
            }

            // One ECDsa object is not documented as safe for concurrent use; a check takes about 0.1 ms.
            lock (key)
            {
                return jws.VerifiedBy(key.Verifier) ? Verdict.Verified : Verdict.BadSignature;
            }
        }

        partner = null;
        return Verdict.UnknownKey;
    }

    private static IReadOnlyDictionary<string, PartnerKey> KeysOf(PartnerRecord partner)
    {
        if (Cards.Count > MaxCards)
        {
            // Keys dropped here are released by their finalizers: another request may be verifying with one right now.
            Cards.Clear();
        }

        return Cards.GetOrAdd(partner.CardJson, static (_, p) => Import(p), partner);
    }

    private static Dictionary<string, PartnerKey> Import(PartnerRecord partner)
    {
        var keys = new Dictionary<string, PartnerKey>(StringComparer.Ordinal);
        foreach (var jwk in partner.Card().Keys)
        {
            if (jwk.Kid is { } kid && !keys.ContainsKey(kid))
            {
                keys[kid] = new PartnerKey(jwk, jwk.ToVerifier());
            }
        }

        return keys;
    }

    private sealed record PartnerKey(Jwk Jwk, ECDsa? Verifier);
}
