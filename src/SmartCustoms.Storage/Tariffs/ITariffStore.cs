using SmartCustoms.Domain.Tariffs;

namespace SmartCustoms.Storage.Tariffs;

public interface ITariffStore
{
    /// <summary>The schedule in force, or null when none was ever loaded.</summary>
    Task<TariffSchedule?> GetAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the schedule in force; the previous one is kept for history.</summary>
    Task SaveAsync(TariffSchedule schedule, string loadedBy, DateTimeOffset at, CancellationToken cancellationToken);
}
