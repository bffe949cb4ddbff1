using System.Data.Common;
using System.Security.Cryptography;
using SmartCustoms.Storage.Snapshots;
using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Models;

internal sealed class ModelStore(StorageBackend backend) : IModelStore
{
    private const string Select =
        "SELECT m.id, m.source, m.info, m.sha256, m.size, m.created_by, m.created_at, " +
        "CASE WHEN a.model_id = m.id THEN 1 ELSE 0 END FROM models m CROSS JOIN model_active a";

    private readonly SqlDialect _dialect = backend.Dialect;

    public Task<StoredModel> AddAsync(string source, string infoJson, ReadOnlyMemory<byte> content, string createdBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(infoJson);
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var createdAt = SqlDialect.Normalize(at);
        var bytes = content.ToArray();
        return backend.WriteAsync(async (session, ct) =>
        {
            var id = await session.ScalarInt64Async(
                "INSERT INTO models (source, info, sha256, size, content, created_by, created_at) " +
                $"VALUES (@source, @info{_dialect.JsonCast}, @sha256, @size, @content, @createdBy, @createdAt) RETURNING id", ct,
                ("@source", source), ("@info", infoJson), ("@sha256", sha256), ("@size", (long)bytes.Length), ("@content", bytes),
                ("@createdBy", createdBy), ("@createdAt", _dialect.ToDb(createdAt))).ConfigureAwait(false);
            return new StoredModel(id!.Value, source, infoJson, sha256, bytes.Length, createdBy, createdAt, false);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<StoredModel>> ListAsync(CancellationToken cancellationToken) =>
        backend.ReadAsync<IReadOnlyList<StoredModel>>(
            async (session, ct) => await session.QueryAsync(Select + " ORDER BY m.id DESC", Read, ct).ConfigureAwait(false), cancellationToken);

    public Task<StoredModel?> GetAsync(long id, CancellationToken cancellationToken) =>
        backend.ReadAsync((session, ct) => session.QuerySingleOrDefaultAsync(Select + " WHERE m.id = @id", Read, ct, ("@id", id)), cancellationToken);

    public Task<byte[]?> GetContentAsync(long id, CancellationToken cancellationToken) =>
        backend.ReadAsync(
            (session, ct) => session.QuerySingleOrDefaultAsync("SELECT content FROM models WHERE id = @id", r => r.GetFieldValue<byte[]>(0), ct, ("@id", id)),
            cancellationToken);

    public Task<bool> ActivateAsync(long id, string activatedBy, DateTimeOffset at, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(activatedBy);
        ArgumentNullException.ThrowIfNull(reason);
        return backend.WriteAsync(async (session, ct) =>
        {
            var changed = await session.ExecuteAsync(
                "UPDATE model_active SET model_id = @id, activated_by = @by, activated_at = @at, reason = @reason, stamp = stamp + 1 " +
                "WHERE id = 1 AND EXISTS (SELECT 1 FROM models WHERE id = @id)", ct,
                ("@id", id), ("@by", activatedBy), ("@at", _dialect.ToDb(at)), ("@reason", reason)).ConfigureAwait(false);
            if (changed == 1)
            {
                await SnapshotWrites.BumpAsync(session, SnapshotKind.Models, ct).ConfigureAwait(false);
            }

            return changed == 1;
        }, cancellationToken);
    }

    public Task<ActiveModel> GetActiveAsync(CancellationToken cancellationToken) =>
        backend.ReadAsync(async (session, ct) => (await session.QuerySingleOrDefaultAsync(
            "SELECT model_id, activated_by, activated_at, reason, stamp FROM model_active WHERE id = 1",
            r => new ActiveModel(
                r.IsDBNull(0) ? null : r.GetInt64(0), r.GetNullableString(1), _dialect.ReadNullableTime(r, 2), r.GetNullableString(3), r.GetInt64(4)),
            ct).ConfigureAwait(false))!, cancellationToken);

    private StoredModel Read(DbDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.GetString(5),
        _dialect.ReadTime(reader, 6), Convert.ToInt64(reader.GetValue(7), System.Globalization.CultureInfo.InvariantCulture) == 1);
}
