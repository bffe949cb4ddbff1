using Microsoft.Extensions.Options;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Server.Snapshots;
using SmartCustoms.Storage.Models;
using SmartCustoms.Storage.Snapshots;
using SmartCustoms.Targeting;

namespace SmartCustoms.Server.Models;

/// <summary>
/// The model in service, loaded once per activation: an activation on any server reaches every server within
/// <c>RefreshSeconds</c> without a restart (the one that made it at once).
/// </summary>
public sealed partial class ActiveModels
{
    private readonly IModelStore _models;
    private readonly SmartCustomsOptions.RiskSection _options;
    private readonly ILogger<ActiveModels> _logger;
    private readonly Snapshot<FraudRiskModel?> _active;

    public ActiveModels(IModelStore models, IOptions<SmartCustomsOptions> options, SnapshotStamps stamps, ILogger<ActiveModels> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stamps);
        _models = models;
        _options = options.Value.Risk;
        _logger = logger;
        _active = stamps.Create("active model", [SnapshotKind.Models], LoadAsync);
    }

    /// <summary>The active model, or null when none is active (or its file no longer loads, which is logged).</summary>
    public ValueTask<FraudRiskModel?> CurrentAsync(CancellationToken cancellationToken) => _active.GetAsync(cancellationToken);

    private async Task<FraudRiskModel?> LoadAsync(CancellationToken cancellationToken)
    {
        var active = await _models.GetActiveAsync(cancellationToken).ConfigureAwait(false);
        if (active.ModelId is not { } modelId || await _models.GetContentAsync(modelId, cancellationToken).ConfigureAwait(false) is not { } content)
        {
            return null;
        }

        try
        {
            using var stream = new MemoryStream(content);
            return new FraudRiskModel(modelId, FraudModel.Load(stream), _options.ModelWeight);
        }
        catch (FraudModelFormatException ex)
        {
            LogUnloadable(_logger, modelId, ex);
            return null;
        }
    }

    [LoggerMessage(EventId = 33, EventName = "ModelUnloadable", Level = LogLevel.Error,
        Message = "Active model {ModelId} cannot be loaded; declarations are assessed without a model")]
    private static partial void LogUnloadable(ILogger logger, long modelId, Exception? exception);
}
