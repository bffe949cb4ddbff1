using System.Text.Json;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Tariffs;
using SmartCustoms.Storage.Snapshots;
using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Tariffs;

/// <summary>Every schedule ever loaded is kept; the one loaded last is in force.</summary>
internal sealed class TariffStore(StorageBackend backend) : ITariffStore
{
    private readonly SqlDialect _dialect = backend.Dialect;

    public Task<TariffSchedule?> GetAsync(CancellationToken cancellationToken) =>
        backend.ReadAsync(async (session, ct) =>
        {
            var json = await session.ScalarStringAsync("SELECT json FROM tariff_schedules ORDER BY id DESC LIMIT 1", ct).ConfigureAwait(false);
            return json is null ? null : JsonSerializer.Deserialize<TariffSchedule>(json, DeclarationJson.Options);
        }, cancellationToken);

    public Task SaveAsync(TariffSchedule schedule, string loadedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        (string, object?)[] args =
        [
            ("@name", schedule.Name), ("@json", JsonSerializer.Serialize(schedule, DeclarationJson.Options)),
            ("@loadedBy", loadedBy), ("@loadedAt", _dialect.ToDb(at)),
        ];
        var sql = $"INSERT INTO tariff_schedules (name, json, loaded_by, loaded_at) VALUES (@name, @json{_dialect.JsonbCast}, @loadedBy, @loadedAt)";
        return backend.WriteAsync(async (session, ct) =>
        {
            await session.ExecuteAsync(sql, ct, args).ConfigureAwait(false);
            return await SnapshotWrites.BumpAsync(session, SnapshotKind.Tariff, ct).ConfigureAwait(false);
        }, cancellationToken);
    }
}
