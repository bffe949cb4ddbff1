using System.Data.Common;
using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Secrets;

internal sealed class NodeSecretStore(StorageBackend backend) : INodeSecretStore
{
    private const string Columns = "kind, name, created_at, retires_at, secret";
    private const string Insert = $"INSERT INTO node_secrets ({Columns}) VALUES (@kind, @name, @createdAt, @retiresAt, @secret) ON CONFLICT (kind, name) DO NOTHING";

    private readonly SqlDialect _dialect = backend.Dialect;

    public Task<IReadOnlyList<NodeSecret>> ListAsync(string kind, CancellationToken cancellationToken) =>
        backend.ReadAsync<IReadOnlyList<NodeSecret>>(async (session, ct) => await session.QueryAsync(
            $"SELECT {Columns} FROM node_secrets WHERE kind = @kind ORDER BY created_at, name", Read, ct, ("@kind", kind)).ConfigureAwait(false),
            cancellationToken);

    public Task<bool> AddFirstAsync(string kind, IReadOnlyList<NodeSecret> secrets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        return backend.WriteAsync(async (session, ct) =>
        {
            if (_dialect.LockNodeSecrets is { } lockStatement)
            {
                await session.ExecuteAsync(lockStatement, ct).ConfigureAwait(false);
            }

            var existing = await session.ScalarInt64Async("SELECT COUNT(*) FROM node_secrets WHERE kind = @kind", ct, ("@kind", kind)).ConfigureAwait(false);
            if (existing > 0)
            {
                return false;
            }

            foreach (var secret in secrets)
            {
                await InsertAsync(session, secret, ct).ConfigureAwait(false);
            }

            return true;
        }, cancellationToken);
    }

    public Task AddAsync(NodeSecret secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return backend.WriteAsync((session, ct) => InsertAsync(session, secret, ct), cancellationToken);
    }

    public Task RotateAsync(NodeSecret added, DateTimeOffset retireAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(added);
        return backend.WriteAsync(async (session, ct) =>
        {
            await session.ExecuteAsync("UPDATE node_secrets SET retires_at = @retireAt WHERE kind = @kind AND retires_at IS NULL", ct,
                ("@kind", added.Kind), ("@retireAt", _dialect.ToDb(retireAt))).ConfigureAwait(false);
            await session.ExecuteAsync("DELETE FROM node_secrets WHERE kind = @kind AND retires_at <= @now", ct,
                ("@kind", added.Kind), ("@now", _dialect.ToDb(now))).ConfigureAwait(false);
            return await InsertAsync(session, added, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    private Task<int> InsertAsync(SqlSession session, NodeSecret secret, CancellationToken ct) =>
        session.ExecuteAsync(Insert, ct, ("@kind", secret.Kind), ("@name", secret.Name), ("@createdAt", _dialect.ToDb(secret.CreatedAt)),
            ("@retiresAt", _dialect.ToDb(secret.RetiresAt)), ("@secret", secret.Secret));

    private NodeSecret Read(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), _dialect.ReadTime(r, 2), _dialect.ReadNullableTime(r, 3), r.GetString(4));
}
