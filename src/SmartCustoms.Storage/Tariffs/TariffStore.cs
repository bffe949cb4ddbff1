using System.Text.Json;
using Dapper;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Tariffs;
using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Tariffs;

/// <summary>Every schedule ever loaded is kept; the one loaded last is in force.</summary>
internal sealed class TariffStore(StorageBackend backend) : ITariffStore
{
    private readonly SqlDialect _dialect = backend.Dialect;

    public Task<TariffSchedule?> GetAsync(CancellationToken cancellationToken) =>
        backend.ReadAsync(async (connection, ct) =>
        {
            var json = await connection.ExecuteScalarAsync<string?>(Db.Command(
                "SELECT json FROM tariff_schedules ORDER BY id DESC LIMIT 1", null, null, ct)).ConfigureAwait(false);
            return json is null ? null : JsonSerializer.Deserialize<TariffSchedule>(json, DeclarationJson.Options);
        }, cancellationToken);

    public Task SaveAsync(TariffSchedule schedule, string loadedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var args = new
        {
            name = schedule.Name,
            json = JsonSerializer.Serialize(schedule, DeclarationJson.Options),
            loadedBy,
            loadedAt = _dialect.ToDb(at),
        };
        return backend.WriteAsync((connection, transaction, ct) => connection.ExecuteAsync(Db.Command(
            $"INSERT INTO tariff_schedules (name, json, loaded_by, loaded_at) VALUES (@name, @json{_dialect.JsonbCast}, @loadedBy, @loadedAt)",
            args, transaction, ct)), cancellationToken);
    }
}
