using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Server.Access;
using SmartCustoms.Server.Declarations;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Server.Risk;
using SmartCustoms.Storage.Models;
using SmartCustoms.Targeting;

namespace SmartCustoms.Server.Models;

/// <summary>JSON of what models say of themselves, as stored and shown.</summary>
public static class ModelJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}

/// <summary>A model version as the registry lists it, with the info it carries (metrics, training data summary).</summary>
public sealed record ModelResponse(
    long Id, string Source, bool Active, string CreatedBy, DateTimeOffset CreatedAt, string Sha256, long Size, JsonElement Info)
{
    public static ModelResponse From(StoredModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var info = JsonDocument.Parse(model.InfoJson);
        return new(model.Id, model.Source, model.Active, model.CreatedBy, model.CreatedAt, model.Sha256, model.Size, info.RootElement.Clone());
    }
}

public sealed record ActivateRequest(string? Reason);

/// <summary>The fraud-model registry: versions with their metrics, upload, activation, training from the node's inspection results.</summary>
public static class ModelsApi
{
    public static RouteGroupBuilder MapModels(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/models").WithTags("Fraud models");
        group.MapGet("/", ListAsync).WithName("ListModels").WithSummary("Every model version, newest first, with its metrics and whether it is active")
            .RequireAuthorization(p => p.RequireRole(Roles.Analyst, Roles.Admin));
        group.MapGet("/{id:long}", GetAsync).WithName("GetModel").WithSummary("One model version")
            .RequireAuthorization(p => p.RequireRole(Roles.Analyst, Roles.Admin));
        group.MapPost("/", UploadAsync).WithName("UploadModel").WithSummary("Add a model file trained elsewhere (smartcustoms model train)")
            .WithBodyLimit(o => o.Limits.MaxModelBytes)
            .WithDescription("The body is the model.zip written by `smartcustoms model train` (application/zip). It is checked by loading it; it is not activated.")
            .Accepts<byte[]>("application/zip", "application/octet-stream")
            .Produces<ModelResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .RequireAuthorization(p => p.RequireRole(Roles.Analyst));
        group.MapPost("/{id:long}/activate", ActivateAsync).WithName("ActivateModel").WithSummary("Put a model version in service (every server swaps to it within RefreshSeconds)")
            .Produces<ModelResponse>()
            .RequireAuthorization(p => p.RequireRole(Roles.Analyst));
        group.MapPost("/train", TrainAsync).WithName("TrainModel").WithSummary("Train a model on the node's inspection results; activated only if it validates at least as well as the active one")
            .Produces<TrainingOutcome>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(p => p.RequireRole(Roles.Analyst));
        return group;
    }

    private static async Task<Ok<ModelResponse[]>> ListAsync(IModelStore models, CancellationToken cancellationToken) =>
        TypedResults.Ok((await models.ListAsync(cancellationToken).ConfigureAwait(false)).Select(ModelResponse.From).ToArray());

    private static async Task<Results<Ok<ModelResponse>, NotFound>> GetAsync(long id, IModelStore models, CancellationToken cancellationToken) =>
        await models.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } model ? TypedResults.Ok(ModelResponse.From(model)) : TypedResults.NotFound();

    private static async Task<IResult> UploadAsync(
        HttpRequest request, IModelStore models, TimeProvider clock, IOptions<SmartCustomsOptions> options, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var body = await BodyReader.ReadAsync(request, options.Value.Limits.MaxModelBytes, cancellationToken).ConfigureAwait(false);
        if (!body.Succeeded)
        {
            return body.Refusal.ToResult();
        }

        FraudModel model;
        try
        {
            using var stream = new MemoryStream(body.Value);
            model = FraudModel.Load(stream);
        }
        catch (FraudModelFormatException ex)
        {
            return Refusal.Single(RefusalKind.Invalid, "Not a SmartCustoms model", ex.Message, "model.invalid", "").ToResult();
        }

        var stored = await models.AddAsync("upload", JsonSerializer.Serialize(model.Info, ModelJson.Options), body.Value, Caller.From(user).KeyId,
            clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return TypedResults.Created(string.Create(CultureInfo.InvariantCulture, $"/api/models/{stored.Id}"), ModelResponse.From(stored));
    }

    private static async Task<IResult> ActivateAsync(
        long id, ActivateRequest? body, IModelStore models, RiskAssessor assessor, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var activated = await ActivateVersionAsync(id, body?.Reason, models, assessor, clock, Caller.From(user), cancellationToken).ConfigureAwait(false);
        return activated.ToResult(model => TypedResults.Ok(ModelResponse.From(model)));
    }

    /// <summary>
    /// Puts a model version in service, audited with who and why: for the API and the analysts' registry page.
    /// <see cref="ProblemResults.NotFound"/> when the id is unknown.
    /// </summary>
    public static async Task<Outcome<StoredModel>> ActivateVersionAsync(
        long id, string? reason, IModelStore models, RiskAssessor assessor, TimeProvider clock, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(assessor);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(caller);
        if (reason is { Length: > TransitionService.MaxReasonLength })
        {
            return Refusal.Single(RefusalKind.Invalid, "Reason too long",
                $"The reason is at most {TransitionService.MaxReasonLength} characters.", "reason.too-long", "/reason");
        }

        var activated = await models.ActivateAsync(id, caller.KeyId, clock.GetUtcNow(), string.IsNullOrWhiteSpace(reason) ? "activated by an analyst" : reason.Trim(), cancellationToken)
            .ConfigureAwait(false);
        if (!activated)
        {
            return ProblemResults.NotFound;
        }

        await assessor.ChangedAsync(cancellationToken).ConfigureAwait(false);
        return await models.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } model ? model : ProblemResults.NotFound;
    }

    private static async Task<IResult> TrainAsync(NodeModelTrainer trainer, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var outcome = await trainer.TrainAsync(Caller.From(user).KeyId, cancellationToken).ConfigureAwait(false);
        if (outcome is null)
        {
            return Refusal.Single(RefusalKind.Conflict, "Training already running", "A model is being trained on this server; try again when it is done.", "training.running", "").ToResult();
        }

        return outcome.Model is null
            ? Refusal.Single(RefusalKind.Conflict, "Not enough inspection results", outcome.Reason, "training.not-enough-data", "").ToResult()
            : TypedResults.Ok(outcome);
    }
}
