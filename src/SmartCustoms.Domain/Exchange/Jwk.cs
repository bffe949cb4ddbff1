using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SmartCustoms.Domain.Exchange;

/// <summary>
/// A public EC P-256 key as a JSON Web Key (RFC 7517), with the period in which it verifies: a rotated key keeps
/// verifying until <see cref="NotAfter"/> so that messages signed just before the rotation still get through.
/// </summary>
public sealed record Jwk
{
    public string? Kty { get; init; }
    public string? Crv { get; init; }
    public string? X { get; init; }
    public string? Y { get; init; }
    public string? Kid { get; init; }
    public string? Use { get; init; }
    public string? Alg { get; init; }
    public DateTimeOffset? NotBefore { get; init; }
    public DateTimeOffset? NotAfter { get; init; }

    public bool ValidAt(DateTimeOffset at) => (NotBefore is null || NotBefore <= at) && (NotAfter is null || at < NotAfter);

    public static Jwk FromKey(ECDsa key, DateTimeOffset notBefore, DateTimeOffset? notAfter)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parameters = key.ExportParameters(includePrivateParameters: false);
        var x = Base64Url.EncodeToString(parameters.Q.X);
        var y = Base64Url.EncodeToString(parameters.Q.Y);
        return new Jwk
        {
            Kty = "EC", Crv = "P-256", X = x, Y = y, Kid = Thumbprint(x, y), Use = "sig", Alg = Jws.Algorithm,
            NotBefore = notBefore, NotAfter = notAfter,
        };
    }

    /// <summary>The RFC 7638 thumbprint of an EC key: a key id that names the key itself, the same on every node.</summary>
    public static string Thumbprint(string x, string y) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes($"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{x}\",\"y\":\"{y}\"}}")));

    /// <summary>The key to verify with; null when the JWK is not a valid P-256 public key.</summary>
    public ECDsa? ToVerifier()
    {
        if (Kty != "EC" || Crv != "P-256" || X is null || Y is null)
        {
            return null;
        }

        try
        {
            var x = Base64Url.DecodeFromChars(X);
            var y = Base64Url.DecodeFromChars(Y);
            if (x.Length != 32 || y.Length != 32)
            {
                return null;
            }

            // Create validates that the point is on the curve.
            return ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } });
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>What a node tells its partners about itself: who it is, where it listens and the keys its messages verify with.</summary>
public sealed record NodeCard
{
    public string? NodeId { get; init; }
    public string? Country { get; init; }
    public string? BaseUrl { get; init; }
    public IReadOnlyList<Jwk> Keys { get; init; } = [];
}
