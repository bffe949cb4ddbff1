using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Tariffs;
using SmartCustoms.Server.Access;
using SmartCustoms.Server.Declarations;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Server.Snapshots;
using SmartCustoms.Storage.Tariffs;

namespace SmartCustoms.Server.Tariffs;

public static class TariffApi
{
    public static RouteGroupBuilder MapTariff(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/tariff").WithTags("Tariff");
        group.MapGet("/", GetAsync).WithName("GetTariff").WithSummary("The tariff schedule in force")
            .RequireAuthorization(p => p.RequireRole(Roles.Trader, Roles.Officer, Roles.Analyst, Roles.Admin));
        group.MapPut("/", PutAsync).WithName("LoadTariff").WithSummary("Load a tariff schedule (JSON, the format of the demo tariff)")
            .WithBodyLimit(o => o.Limits.MaxTariffBytes)
            .Accepts<TariffSchedule>("application/json")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));
        return group;
    }

    private static async Task<Ok<TariffSchedule>> GetAsync(TariffCache cache, CancellationToken cancellationToken) =>
        TypedResults.Ok(await cache.GetAsync(cancellationToken).ConfigureAwait(false));

    private static async Task<IResult> PutAsync(
        HttpRequest request, ITariffStore store, SnapshotStamps snapshots, IOptions<SmartCustomsOptions> options, TimeProvider clock,
        HttpContext context, CancellationToken cancellationToken)
    {
        var body = await BodyReader.ReadAsync(request, options.Value.Limits.MaxTariffBytes, cancellationToken).ConfigureAwait(false);
        if (!body.Succeeded)
        {
            return body.Refusal.ToResult();
        }

        var (schedule, errors) = TariffFile.Parse(Encoding.UTF8.GetString(body.Value));
        if (schedule is null)
        {
            return Refusal.Invalid("The tariff schedule was not loaded.",
                [.. errors.Select(e => new Issue("tariff.invalid", e, ""))]).ToResult();
        }

        await store.SaveAsync(schedule, Caller.From(context.User).KeyId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await snapshots.AfterWriteAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new { schedule.Name, schedule.Currency, Lines = schedule.Lines.Count, ExchangeRates = schedule.ExchangeRates.Count });
    }
}
