using System.Text.Json;
using Microsoft.Extensions.Options;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Server.Risk;
using SmartCustoms.Storage.Models;
using SmartCustoms.Storage.Risk;
using SmartCustoms.Targeting;

namespace SmartCustoms.Server.Models;

/// <summary>What a training from the node's own inspection results gave, and whether it went into service.</summary>
public sealed record TrainingOutcome(
    StoredModel? Model, bool Activated, string Reason, int Examples, int ValidationExamples, double? CandidatePrecisionAt5, double? ActivePrecisionAt5);

/// <summary>
/// Trains a model on the node's inspected declarations (the older 80 % by acceptance, the rest kept for
/// validation), stores it, and activates it only if its validation Precision@5% is at least the active model's
/// on the same declarations. One training at a time per server.
/// </summary>
public sealed partial class NodeModelTrainer(
    IRiskStore risk, IModelStore models, RiskAssessor assessor, TimeProvider clock, IOptions<SmartCustomsOptions> options,
    ILogger<NodeModelTrainer> logger) : IDisposable
{
    public const double ValidationShare = 0.2;
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly SmartCustomsOptions.RiskSection _options = options.Value.Risk;

    /// <summary>Null when a training is already running on this server.</summary>
    public async Task<TrainingOutcome?> TrainAsync(string actor, CancellationToken cancellationToken)
    {
        if (!await _one.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        try
        {
            return await TrainOnceAsync(actor, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _one.Release();
        }
    }

    public void Dispose() => _one.Dispose();

    /// <summary>The node never puts in service a model that ranks fraud worse than the one it replaces.</summary>
    public static bool ShouldActivate(RankingMetrics candidate, RankingMetrics? active)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return active is null || candidate.PrecisionAt5 >= active.PrecisionAt5;
    }

    /// <summary>The label of an inspection result (see <see cref="InspectionLabels"/>).</summary>
    public static LabelledRecord Label(LabelledDeclaration example)
    {
        ArgumentNullException.ThrowIfNull(example);
        return InspectionLabels.From(example.Declaration, example.Duties, example.AcceptedAt, example.Findings, [.. example.Categories]);
    }

    private async Task<TrainingOutcome> TrainOnceAsync(string actor, CancellationToken cancellationToken)
    {
        var examples = await risk.GetLabelledDeclarationsAsync(_options.MaxTrainingExamples, cancellationToken).ConfigureAwait(false);
        var rows = examples.Select(Label).ToList();
        var positives = rows.Count(r => r.Fraud);
        var minimumClass = Math.Max(_options.MinTrainingExamples / 10, 1);
        if (rows.Count < _options.MinTrainingExamples || positives < minimumClass || rows.Count - positives < minimumClass)
        {
            return new TrainingOutcome(null, false,
                $"Not enough inspection results to train: {rows.Count} inspected declarations ({positives} with findings); "
                + $"at least {_options.MinTrainingExamples}, with {minimumClass} or more with and without findings, are needed.",
                rows.Count, 0, null, null);
        }

        // Oldest first: the model is validated on the most recent inspections, as it will be used on the next ones.
        var cut = (int)Math.Round(rows.Count * (1 - ValidationShare));
        var training = rows[..cut];
        var validation = rows[cut..];
        var candidate = await Task.Run(() => FraudModelTrainer.Train(training, new TrainingOptions(), null), cancellationToken).ConfigureAwait(false);
        var candidateResult = ValidationResult.Evaluate(candidate, validation);
        var active = await ActiveAsync(cancellationToken).ConfigureAwait(false);
        var activeResult = active is null ? null : ValidationResult.Evaluate(active.Value.Model, validation);

        var info = candidate.Info with { Validation = candidateResult };
        using var file = new MemoryStream();
        candidate.Save(file);
        var stored = await models.AddAsync("training", JsonSerializer.Serialize(info, ModelJson.Options), file.ToArray(), actor, clock.GetUtcNow(), cancellationToken)
            .ConfigureAwait(false);
        var better = ShouldActivate(candidateResult.Fraud, activeResult?.Fraud);
        var reason = activeResult is null
            ? $"No model was active; validation Precision@5% {candidateResult.Fraud.PrecisionAt5:0.###} on {validation.Count} recent inspections."
            : $"Validation Precision@5% {candidateResult.Fraud.PrecisionAt5:0.###} against {activeResult.Fraud.PrecisionAt5:0.###} for model {active!.Value.Id} on the same {validation.Count} recent inspections.";
        if (better)
        {
            await models.ActivateAsync(stored.Id, actor, clock.GetUtcNow(), reason, cancellationToken).ConfigureAwait(false);
            await assessor.ChangedAsync(cancellationToken).ConfigureAwait(false);
        }

        LogTrained(logger, stored.Id, rows.Count, candidateResult.Fraud.PrecisionAt5, better, null);
        return new TrainingOutcome(stored with { Active = better }, better, reason, rows.Count, validation.Count,
            candidateResult.Fraud.PrecisionAt5, activeResult?.Fraud.PrecisionAt5);
    }

    private async Task<(long Id, FraudModel Model)?> ActiveAsync(CancellationToken cancellationToken)
    {
        var active = await models.GetActiveAsync(cancellationToken).ConfigureAwait(false);
        if (active.ModelId is not { } id || await models.GetContentAsync(id, cancellationToken).ConfigureAwait(false) is not { } content)
        {
            return null;
        }

        using var stream = new MemoryStream(content);
        return (id, FraudModel.Load(stream));
    }

    [LoggerMessage(EventId = 30, EventName = "ModelTrained", Level = LogLevel.Information,
        Message = "Model {ModelId} trained on {Examples} inspected declarations: validation Precision@5% {PrecisionAt5}, activated {Activated}")]
    private static partial void LogTrained(ILogger logger, long modelId, int examples, double precisionAt5, bool activated, Exception? exception);
}
