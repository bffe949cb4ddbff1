using System.Data.Common;
using SmartCustoms.Domain.Access;
using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Access;

internal sealed class ApiKeyStore(StorageBackend backend) : IApiKeyStore
{
    private const string Select = "SELECT id, role, party_id, name, secret_hash, created_at, revoked_at FROM api_keys";

    private readonly SqlDialect _dialect = backend.Dialect;

    public Task CreateAsync(ApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        (string, object?)[] args =
        [
            ("@id", key.Id), ("@role", key.Role.ToString()), ("@partyId", key.PartyId), ("@name", key.Name), ("@secretHash", key.SecretHash),
            ("@createdAt", _dialect.ToDb(key.CreatedAt)), ("@revokedAt", _dialect.ToDb(key.RevokedAt)),
        ];
        return backend.WriteAsync((session, ct) => session.ExecuteAsync(
            "INSERT INTO api_keys (id, role, party_id, name, secret_hash, created_at, revoked_at) " +
            "VALUES (@id, @role, @partyId, @name, @secretHash, @createdAt, @revokedAt)", ct, args), cancellationToken);
    }

    /// <summary>Revoked keys come back too: the caller tells "revoked" from "unknown".</summary>
    public Task<ApiKey?> FindBySecretHashAsync(byte[] secretHash, CancellationToken cancellationToken) =>
        backend.ReadAsync(
            (session, ct) => session.QuerySingleOrDefaultAsync(Select + " WHERE secret_hash = @secretHash", Read, ct, ("@secretHash", secretHash)),
            cancellationToken);

    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) =>
        backend.ReadAsync<IReadOnlyList<ApiKey>>(
            async (session, ct) => await session.QueryAsync(Select + " ORDER BY created_at, id", Read, ct).ConfigureAwait(false),
            cancellationToken);

    /// <summary>True when the key exists; revoking it again keeps the first revocation time.</summary>
    public async Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var rows = await backend.WriteAsync((session, ct) => session.ExecuteAsync(
            "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, @at) WHERE id = @id", ct, ("@id", id), ("@at", _dialect.ToDb(at))),
            cancellationToken).ConfigureAwait(false);
        return rows > 0;
    }

    public Task<bool> AnyAdminAsync(CancellationToken cancellationToken) =>
        backend.ReadAsync(async (session, ct) => await session.ScalarInt64Async(
            "SELECT 1 FROM api_keys WHERE role = @role AND revoked_at IS NULL LIMIT 1", ct, ("@role", nameof(Role.Admin))).ConfigureAwait(false) is not null,
            cancellationToken);

    private ApiKey Read(DbDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Role = Enum.Parse<Role>(reader.GetString(1)),
        PartyId = reader.GetNullableString(2),
        Name = reader.GetString(3),
        SecretHash = reader.GetFieldValue<byte[]>(4),
        CreatedAt = _dialect.ReadTime(reader, 5),
        RevokedAt = _dialect.ReadNullableTime(reader, 6),
    };
}
