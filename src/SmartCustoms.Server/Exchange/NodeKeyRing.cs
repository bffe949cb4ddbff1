using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Server.Hosting;

namespace SmartCustoms.Server.Exchange;

/// <summary>
/// The node's signing keys (ECDSA P-256), kept in <c>exchange-keys.json</c> in its data directory, readable by the
/// node's user only. The newest key signs; a key replaced by a rotation stays published, and so keeps verifying at
/// the partners, until its grace period ends. The private keys never leave this class: not in logs, not in answers.
/// </summary>
public sealed class NodeKeyRing(IOptions<SmartCustomsOptions> options, TimeProvider clock) : IDisposable
{
    public const string FileName = "exchange-keys.json";

    private readonly Lock _lock = new();
    private readonly string _path = Path.Combine(Path.GetFullPath(options.Value.DataDirectory), FileName);
    private List<SigningKey>? _keys;

    private sealed record SigningKey(string Kid, DateTimeOffset CreatedAt, DateTimeOffset? RetiresAt, ECDsa Key);

    private sealed record StoredKey(string Kid, DateTimeOffset CreatedAt, DateTimeOffset? RetiresAt, string PrivateKey);

    private sealed record KeyFile(IReadOnlyList<StoredKey> Keys);

    /// <summary>Loads the keys, creating the first one on the node's first start.</summary>
    public void EnsureCreated()
    {
        lock (_lock)
        {
            Keys();
        }
    }

    /// <summary>Signs with the current key.</summary>
    public string Sign(ReadOnlySpan<byte> payload, string type)
    {
        lock (_lock)
        {
            var current = Keys()[^1];
            return Jws.Sign(payload, current.Kid, type, current.Key);
        }
    }

    /// <summary>The public keys partners verify with: the current one and those still in their grace period.</summary>
    public IReadOnlyList<Jwk> PublicKeys()
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            return [.. Keys().Where(k => k.RetiresAt is null || k.RetiresAt > now).Select(k => Jwk.FromKey(k.Key, k.CreatedAt, k.RetiresAt))];
        }
    }

    /// <summary>Makes a new current key; the one it replaces verifies until the grace period ends. Returns the new key id.</summary>
    public string Rotate()
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            var keys = Keys();
            var retiresAt = now + options.Value.Exchange.KeyGracePeriod;
            var kept = keys.Where(k => k.RetiresAt is null || k.RetiresAt > now)
                .Select(k => k.RetiresAt is null ? k with { RetiresAt = retiresAt } : k).ToList();
            var added = NewKey(now);
            kept.Add(added);
            Save(kept);
            foreach (var dropped in keys.Where(k => !kept.Any(c => c.Kid == k.Kid)))
            {
                dropped.Key.Dispose();
            }

            _keys = kept;
            return added.Kid;
        }
    }

    public void Dispose()
    {
        foreach (var key in _keys ?? [])
        {
            key.Key.Dispose();
        }
    }

    private List<SigningKey> Keys()
    {
        if (_keys is not null)
        {
            return _keys;
        }

        if (File.Exists(_path))
        {
            var file = JsonSerializer.Deserialize<KeyFile>(File.ReadAllBytes(_path), ExchangeJson.Options)
                ?? throw new InvalidOperationException($"{_path} is empty.");
            _keys = [.. file.Keys.OrderBy(k => k.CreatedAt).Select(Load)];
            if (_keys.Count == 0)
            {
                throw new InvalidOperationException($"{_path} holds no key; delete it to have a new one made.");
            }
        }
        else
        {
            _keys = [NewKey(clock.GetUtcNow())];
            Save(_keys);
        }

        return _keys;
    }

    private static SigningKey NewKey(DateTimeOffset now)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new SigningKey(Jwk.FromKey(key, now, null).Kid!, now, null, key);
    }

    private static SigningKey Load(StoredKey stored)
    {
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(stored.PrivateKey), out _);
        return new SigningKey(stored.Kid, stored.CreatedAt, stored.RetiresAt, key);
    }

    /// <summary>Written to a new file created with mode 600, then moved over the old one: never a moment with a readable or half-written key file.</summary>
    private void Save(IReadOnlyList<SigningKey> keys)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var file = new KeyFile([.. keys.Select(k => new StoredKey(k.Kid, k.CreatedAt, k.RetiresAt, Convert.ToBase64String(k.Key.ExportPkcs8PrivateKey())))]);
        var temporary = _path + ".new";
        File.Delete(temporary);
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, create))
        {
            JsonSerializer.Serialize(stream, file, ExchangeJson.Options);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, _path, overwrite: true);
    }
}
