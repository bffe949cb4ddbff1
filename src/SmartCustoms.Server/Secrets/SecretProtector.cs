using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SmartCustoms.Server.Hosting;

namespace SmartCustoms.Server.Secrets;

/// <summary>
/// Encrypts the node's secrets before they go to the database: AES-256-GCM under <c>SmartCustoms:Secrets:Key</c>, or,
/// when that is unset, under a key file made in the data folder (enough for one server). Each secret is bound to its
/// kind and name, so that a row copied over another does not decrypt. The key never leaves this class.
/// </summary>
public sealed class SecretProtector
{
    public const string KeyFileName = "secrets.key";
    public const string Setting = "SmartCustoms:Secrets:Key";

    private const byte Version = 1;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly byte[] _key;

    public SecretProtector(IOptions<SmartCustomsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Value.Secrets.Key is { } configured)
        {
            _key = Convert.FromBase64String(configured.Trim());
            Source = Setting;
        }
        else
        {
            var path = Path.Combine(Path.GetFullPath(options.Value.DataDirectory), KeyFileName);
            _key = KeyFile.ReadOrCreate(path);
            Source = $"the key file {path} ({Setting} is not set)";
        }
    }

    /// <summary>Where the key came from, for the start-up error when it does not fit: the setting or the file, never the key.</summary>
    public string Source { get; }

    public static bool IsValidKey(string value)
    {
        var bytes = new byte[64];
        return Convert.TryFromBase64String(value.Trim(), bytes, out var length) && length == 32;
    }

    /// <summary>The secret encrypted, as text for the database: version, nonce, tag and ciphertext in base64.</summary>
    public string Protect(string kind, string name, ReadOnlySpan<byte> plaintext)
    {
        var sealedBytes = new byte[1 + NonceBytes + TagBytes + plaintext.Length];
        sealedBytes[0] = Version;
        var nonce = sealedBytes.AsSpan(1, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(1 + NonceBytes + TagBytes), sealedBytes.AsSpan(1 + NonceBytes, TagBytes), Context(kind, name));
        return Convert.ToBase64String(sealedBytes);
    }

    /// <exception cref="InvalidOperationException">The key is not the one the secret was encrypted with (or the row was altered).</exception>
    public byte[] Unprotect(string kind, string name, string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var sealedBytes = Convert.FromBase64String(stored);
        if (sealedBytes.Length < 1 + NonceBytes + TagBytes || sealedBytes[0] != Version)
        {
            throw new InvalidOperationException($"The node's secret {kind} '{name}' in the database is not in a form this version reads.");
        }

        var plaintext = new byte[sealedBytes.Length - 1 - NonceBytes - TagBytes];
        try
        {
            using var aes = new AesGcm(_key, TagBytes);
            aes.Decrypt(sealedBytes.AsSpan(1, NonceBytes), sealedBytes.AsSpan(1 + NonceBytes + TagBytes), sealedBytes.AsSpan(1 + NonceBytes, TagBytes),
                plaintext, Context(kind, name));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new InvalidOperationException(
                $"{Setting} does not decrypt this node's secrets in the database: give this server the key the node's other servers use " +
                $"(this server used {Source}).");
        }

        return plaintext;
    }

    private static byte[] Context(string kind, string name) => Encoding.UTF8.GetBytes(kind + "\n" + name);
}
