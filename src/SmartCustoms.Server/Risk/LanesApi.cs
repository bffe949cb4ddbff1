using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Domain.Validation;
using SmartCustoms.Server.Access;
using SmartCustoms.Server.Declarations;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Risk;

namespace SmartCustoms.Server.Risk;

/// <summary>Lane settings per customs office: expected rates matched to inspection capacity, random rate, hit rule.</summary>
public static class LanesApi
{
    private const int MaxBytes = 256 * 1024;

    public static RouteGroupBuilder MapRiskLanes(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/risk/lanes").WithTags("Risk lanes");
        group.MapGet("/", GetAsync).WithName("GetLaneSettings").WithSummary("Lane settings of every configured office")
            .RequireAuthorization(p => p.RequireRole(Roles.Analyst, Roles.Officer, Roles.Admin));
        group.MapPut("/", PutAsync).WithName("SaveLaneSettings").Produces<IReadOnlyList<LaneSettings>>().WithSummary("Save lane settings (one office's object, or an array)")
            .WithBodyLimit(MaxBytes)
            .Accepts<IReadOnlyList<LaneSettings>>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(p => p.RequireRole(Roles.Analyst));
        return group;
    }

    private static async Task<Ok<IReadOnlyList<LaneSettings>>> GetAsync(IRiskStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetLaneSettingsAsync(cancellationToken).ConfigureAwait(false));

    private static async Task<IResult> PutAsync(HttpRequest request, IRiskStore store, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var body = await BodyReader.ReadAsync(request, MaxBytes, cancellationToken).ConfigureAwait(false);
        if (!body.Succeeded)
        {
            return body.Refusal.ToResult();
        }

        var text = Encoding.UTF8.GetString(body.Value);
        var isArray = text.TrimStart().StartsWith('[');
        List<LaneSettings>? all;
        try
        {
            all = isArray
                ? JsonSerializer.Deserialize<List<LaneSettings>>(text, CriterionJson.Options)
                : JsonSerializer.Deserialize<LaneSettings>(text, CriterionJson.Options) is { } one ? [one] : null;
        }
        catch (JsonException ex)
        {
            return Refusal.Invalid("The lane settings could not be read.", [JsonErrors.Issue("json.invalid", ex)]).ToResult();
        }

        if (all is null || all.Count == 0)
        {
            return Refusal.Invalid("No lane settings were given.", [new Issue("required", "Send one office's settings or an array of them.", "")]).ToResult();
        }

        if (all.IndexOf(null!) is var missing and >= 0)
        {
            // [null] reads as a list with a null entry; every check after this reads each entry.
            return Refusal.Invalid("The lane settings could not be read.", [new Issue("required", "null is not allowed in this list: give an office's settings, or leave the entry out", $"/{missing}")]).ToResult();
        }

        var errors = new List<Issue>();
        for (var i = 0; i < all.Count; i++)
        {
            var prefix = isArray ? $"/{i}" : "";
            errors.AddRange(all[i].Validate().Select(e => e with { Pointer = prefix + e.Pointer }));
        }

        if (all.Select(s => s.Office).Distinct(StringComparer.Ordinal).Count() != all.Count)
        {
            errors.Add(new Issue("lanes.duplicate-office", "An office appears twice.", ""));
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid("The lane settings have errors.", errors).ToResult();
        }

        foreach (var settings in all)
        {
            await store.SaveLaneSettingsAsync(settings, Caller.From(user).KeyId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        await request.HttpContext.RequestServices.GetRequiredService<RiskAssessor>().ChangedAsync(cancellationToken).ConfigureAwait(false);

        return TypedResults.Ok(await store.GetLaneSettingsAsync(cancellationToken).ConfigureAwait(false));
    }
}
