using System.Security.Cryptography;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Storage.Exchange;

namespace SmartCustoms.Server.Exchange;

/// <summary>Which registered partner a key id belongs to, and whether that key verifies a JWS now.</summary>
public static class PartnerKeys
{
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
            var key = candidate.Card().Keys.FirstOrDefault(k => string.Equals(k.Kid, jws.KeyId, StringComparison.Ordinal));
            if (key is null)
            {
                continue;
            }

            partner = candidate;
            if (!key.ValidAt(now))
            {
                return Verdict.KeyNotValid;
            }

            using ECDsa? verifier = key.ToVerifier();
            return verifier is not null && jws.VerifiedBy(verifier) ? Verdict.Verified : Verdict.BadSignature;
        }

        partner = null;
        return Verdict.UnknownKey;
    }
}
