using System.Data.Common;
using Dapper;
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
        var args = new
        {
            id = key.Id,
            role = key.Role.ToString(),
            partyId = key.PartyId,
            name = key.Name,
            secretHash = key.SecretHash,
            createdAt = _dialect.ToDb(key.CreatedAt),
            revokedAt = _dialect.ToDb(key.RevokedAt),
        };
        return backend.WriteAsync((connection, transaction, ct) => connection.ExecuteAsync(Db.Command(
            "INSERT INTO api_keys (id, role, party_id, name, secret_hash, created_at, revoked_at) " +
            "VALUES (@id, @role, @partyId, @name, @secretHash, @createdAt, @revokedAt)", args, transaction, ct)), cancellationToken);
    }

    /// <summary>Revoked keys come back too: the caller tells "revoked" from "unknown".</summary>
    public Task<ApiKey?> FindBySecretHashAsync(byte[] secretHash, CancellationToken cancellationToken) =>
        backend.ReadAsync((connection, ct) => connection.QuerySingleOrDefaultAsync(
            Select + " WHERE secret_hash = @secretHash", new { secretHash }, null, Read, ct), cancellationToken);

    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) =>
        backend.ReadAsync<IReadOnlyList<ApiKey>>(
            async (connection, ct) => await connection.QueryAsync(Select + " ORDER BY created_at, id", null, null, Read, ct).ConfigureAwait(false),
            cancellationToken);

    /// <summary>True when the key exists; revoking it again keeps the first revocation time.</summary>
    public async Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var args = new { id, at = _dialect.ToDb(at) };
        var rows = await backend.WriteAsync((connection, transaction, ct) => connection.ExecuteAsync(Db.Command(
            "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, @at) WHERE id = @id", args, transaction, ct)),
            cancellationToken).ConfigureAwait(false);
        return rows > 0;
    }

    public Task<bool> AnyAdminAsync(CancellationToken cancellationToken) =>
        backend.ReadAsync(async (connection, ct) => await connection.ExecuteScalarAsync(Db.Command(
            "SELECT 1 FROM api_keys WHERE role = @role AND revoked_at IS NULL LIMIT 1",
            new { role = nameof(Role.Admin) }, null, ct)).ConfigureAwait(false) is not null, cancellationToken);

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
