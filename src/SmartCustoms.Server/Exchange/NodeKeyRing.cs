using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Server.Secrets;
using SmartCustoms.Storage.Secrets;

namespace SmartCustoms.Server.Exchange;

/// <summary>
/// The node's signing keys (ECDSA P-256), kept in the database encrypted by <see cref="SecretProtector"/>, so that
/// every server of the node signs as the same node. The newest key signs; a key replaced by a rotation stays
/// published, and so keeps verifying at the partners, until its grace period ends. The private keys never leave this
/// class and the store: not in logs, not in answers. A rotation made on another server is picked up within
/// <see cref="RefreshEvery"/>; until then this server signs with the key it replaced, which still verifies.
/// </summary>
public sealed class NodeKeyRing(
    INodeSecretStore store, SecretProtector protector, IOptions<SmartCustomsOptions> options, TimeProvider clock, ILogger<NodeKeyRing> logger)
    : IDisposable
{
    /// <summary>Where keys were kept before they moved to the database; imported once, then no longer read.</summary>
    public const string LegacyFileName = "exchange-keys.json";

    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, ECDsa> _loaded = new(StringComparer.Ordinal);
    private IReadOnlyList<SigningKey> _keys = [];
    private DateTimeOffset _loadedAt;
    private int _refreshing;

    private sealed record SigningKey(string Kid, DateTimeOffset CreatedAt, DateTimeOffset? RetiresAt, ECDsa Key);

    /// <summary>Loads the keys; on the node's first start imports the data folder's key file, or else makes the first key.</summary>
    /// <exception cref="InvalidOperationException">The secrets key does not decrypt the stored keys (a one-line start-up error).</exception>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await store.ListAsync(NodeSecret.ExchangeKey, cancellationToken).ConfigureAwait(false);
        if (stored.Count == 0)
        {
            var legacy = Path.Combine(Path.GetFullPath(options.Value.DataDirectory), LegacyFileName);
            var first = File.Exists(legacy) ? LegacyKeyFile.Read(legacy) : [NewKey(clock.GetUtcNow())];
            if (await store.AddFirstAsync(NodeSecret.ExchangeKey, [.. first.Select(Seal)], cancellationToken).ConfigureAwait(false) && File.Exists(legacy))
            {
                LogImported(logger, first.Count, legacy, null);
            }

            stored = await store.ListAsync(NodeSecret.ExchangeKey, cancellationToken).ConfigureAwait(false);
        }

        Install(stored);
    }

    /// <summary>Signs with the current key.</summary>
    public string Sign(ReadOnlySpan<byte> payload, string type)
    {
        var current = Current()[^1];
        lock (_lock)
        {
            return Jws.Sign(payload, current.Kid, type, current.Key);
        }
    }

    /// <summary>The public keys partners verify with: the current one and those still in their grace period.</summary>
    public IReadOnlyList<Jwk> PublicKeys()
    {
        var now = clock.GetUtcNow();
        return [.. Current().Where(k => k.RetiresAt is null || k.RetiresAt > now).Select(k => Jwk.FromKey(k.Key, k.CreatedAt, k.RetiresAt))];
    }

    /// <summary>Makes a new current key; the one it replaces verifies until the grace period ends. Returns the new key id.</summary>
    public async Task<string> RotateAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var added = NewKey(now);
        await store.RotateAsync(Seal(added), now + options.Value.Exchange.KeyGracePeriod, now, cancellationToken).ConfigureAwait(false);
        Install(await store.ListAsync(NodeSecret.ExchangeKey, cancellationToken).ConfigureAwait(false));
        return added.Kid;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var key in _loaded.Values)
            {
                key.Dispose();
            }

            _loaded.Clear();
        }
    }

    private IReadOnlyList<SigningKey> Current()
    {
        var keys = _keys;
        if (keys.Count == 0)
        {
            throw new InvalidOperationException("The node's signing keys are not loaded yet (NodeInitializer loads them at start).");
        }

        if (clock.GetUtcNow() - _loadedAt > RefreshEvery && Interlocked.Exchange(ref _refreshing, 1) == 0)
        {
            _ = Task.Run(RefreshAsync);
        }

        return keys;
    }

    private async Task RefreshAsync()
    {
        try
        {
            Install(await store.ListAsync(NodeSecret.ExchangeKey, CancellationToken.None).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            // The keys in hand still sign and verify: the next use tries again.
            LogRefreshFailed(logger, ex);
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    /// <summary>Decrypts only keys not loaded before; a key dropped from the ring stays in memory until disposal, since a signature may be in progress with it.</summary>
    private void Install(IReadOnlyList<NodeSecret> stored)
    {
        if (stored.Count == 0)
        {
            throw new InvalidOperationException("The node holds no exchange signing key in the database.");
        }

        var keys = new List<SigningKey>(stored.Count);
        lock (_lock)
        {
            foreach (var secret in stored)
            {
                if (!_loaded.TryGetValue(secret.Name, out var key))
                {
                    key = ECDsa.Create();
                    key.ImportPkcs8PrivateKey(protector.Unprotect(secret.Kind, secret.Name, secret.Secret), out _);
                    _loaded[secret.Name] = key;
                }

                keys.Add(new SigningKey(secret.Name, secret.CreatedAt, secret.RetiresAt, key));
            }
        }

        _keys = [.. keys.OrderBy(k => k.CreatedAt).ThenBy(k => k.Kid, StringComparer.Ordinal)];
        _loadedAt = clock.GetUtcNow();
    }

    private NodeSecret Seal(SigningKey key) =>
        new(NodeSecret.ExchangeKey, key.Kid, key.CreatedAt, key.RetiresAt, protector.Protect(NodeSecret.ExchangeKey, key.Kid, key.Key.ExportPkcs8PrivateKey()));

    private static SigningKey NewKey(DateTimeOffset now)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new SigningKey(Jwk.FromKey(key, now, null).Kid!, now, null, key);
    }

    /// <summary>The file of the versions before the keys moved to the database.</summary>
    private static class LegacyKeyFile
    {
        private sealed record StoredKey(string Kid, DateTimeOffset CreatedAt, DateTimeOffset? RetiresAt, string PrivateKey);

        private sealed record KeyFileContent(IReadOnlyList<StoredKey> Keys);

        public static IReadOnlyList<SigningKey> Read(string path)
        {
            var file = System.Text.Json.JsonSerializer.Deserialize<KeyFileContent>(File.ReadAllBytes(path), ExchangeJson.Options);
            if (file is not { Keys.Count: > 0 })
            {
                throw new InvalidOperationException($"{path} holds no key; delete it to have a new one made.");
            }

            return [.. file.Keys.Select(k =>
            {
                var key = ECDsa.Create();
                key.ImportPkcs8PrivateKey(Convert.FromBase64String(k.PrivateKey), out _);
                return new SigningKey(k.Kid, k.CreatedAt, k.RetiresAt, key);
            })];
        }
    }

    private static readonly Action<ILogger, int, string, Exception?> LogImported =
        LoggerMessage.Define<int, string>(LogLevel.Warning, new EventId(110, "ExchangeKeysImported"),
            "Imported {Count} exchange signing key(s) from {Path} into the database (encrypted); the file is no longer used and can be deleted once backed up");

    private static readonly Action<ILogger, Exception?> LogRefreshFailed =
        LoggerMessage.Define(LogLevel.Warning, new EventId(111, "ExchangeKeysRefreshFailed"), "The node's signing keys could not be re-read; keeping those in hand");
}
