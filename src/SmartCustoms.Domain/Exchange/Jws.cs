using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Domain.Exchange;

/// <summary>A parsed JWS in compact serialization: what the protected header says, the payload and what was signed.</summary>
public sealed record JwsParts(string Algorithm, string KeyId, string? Type, byte[] Payload, byte[] SigningInput, byte[] Signature)
{
    /// <summary>True when <paramref name="key"/> signed exactly this header and payload.</summary>
    public bool VerifiedBy(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Signature.Length == Jws.SignatureBytes &&
            key.VerifyData(SigningInput, Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}

/// <summary>
/// JSON Web Signature (RFC 7515) with ES256 (ECDSA P-256, SHA-256), compact serialization, built on the BCL alone.
/// JWS wants the signature as the fixed-width r||s pair (IEEE P1363), not the DER form .NET uses by default.
/// </summary>
public static class Jws
{
    public const string Algorithm = "ES256";

    /// <summary>r and s of P-256, 32 bytes each.</summary>
    public const int SignatureBytes = 64;

    // A protected header is one flat object; anything nested deeper is refused before it costs more than a scan.
    private static readonly JsonDocumentOptions HeaderOptions = new() { MaxDepth = 4 };

    public static string Sign(ReadOnlySpan<byte> payload, string keyId, string type, ECDsa key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        ArgumentNullException.ThrowIfNull(key);
        var header = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["alg"] = Algorithm,
            ["kid"] = keyId,
            ["typ"] = type,
        });
        var signingInput = Base64Url.EncodeToString(header) + "." + Base64Url.EncodeToString(payload);
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>Splits and decodes a compact JWS; null when it is not one, or not ES256 with a key id.</summary>
    public static JwsParts? Parse(string compact)
    {
        ArgumentNullException.ThrowIfNull(compact);
        var parts = compact.Trim().Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]), HeaderOptions);
            if (JsonText.StringProperty(header.RootElement, "alg") is not Algorithm
                || JsonText.StringProperty(header.RootElement, "kid") is not { Length: > 0 } kid)
            {
                return null;
            }

            // "crit" names extensions the verifier must understand; this one understands none (RFC 7515, 4.1.11).
            if (header.RootElement.TryGetProperty("crit", out _))
            {
                return null;
            }

            var type = JsonText.StringProperty(header.RootElement, "typ");
            var signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            return new JwsParts(Algorithm, kid, type, Base64Url.DecodeFromChars(parts[1]), signingInput, Base64Url.DecodeFromChars(parts[2]));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }
}
