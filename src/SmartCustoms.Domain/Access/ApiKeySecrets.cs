using System.Security.Cryptography;
using System.Text;

namespace SmartCustoms.Domain.Access;

/// <summary>API keys are 256 random bits; only their SHA-256 is stored, which is enough for secrets of that entropy.</summary>
public static class ApiKeySecrets
{
    public const string Prefix = "sck_";

    public static string NewKey() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string NewId() => "key_" + Base64Url(RandomNumberGenerator.GetBytes(9));

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
