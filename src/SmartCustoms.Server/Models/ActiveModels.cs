using Microsoft.Extensions.Options;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Models;
using SmartCustoms.Targeting;

namespace SmartCustoms.Server.Models;

/// <summary>
/// The model in service, loaded once per activation. The registry's stamp is read at most every
/// <c>RefreshSeconds</c>, so an activation on any server reaches every server without a restart.
/// </summary>
public sealed partial class ActiveModels(IModelStore models, IOptions<SmartCustomsOptions> options, TimeProvider clock, ILogger<ActiveModels> logger) : IDisposable
{
    private readonly SmartCustomsOptions.RiskSection _options = options.Value.Risk;
    private readonly SemaphoreSlim _load = new(1, 1);
    private volatile State? _state;

    private sealed record State(long Stamp, FraudRiskModel? Model, DateTimeOffset CheckedAt);

    /// <summary>The active model, or null when none is active (or its file no longer loads, which is logged).</summary>
    public async ValueTask<FraudRiskModel?> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_state is { } fresh && now - fresh.CheckedAt < TimeSpan.FromSeconds(_options.RefreshSeconds))
        {
            return fresh.Model;
        }

        await _load.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _state;
            if (current is not null && now - current.CheckedAt < TimeSpan.FromSeconds(_options.RefreshSeconds))
            {
                return current.Model;
            }

            var active = await models.GetActiveAsync(cancellationToken).ConfigureAwait(false);
            var model = current is not null && current.Stamp == active.Stamp ? current.Model : await LoadAsync(active.ModelId, cancellationToken).ConfigureAwait(false);
            _state = new State(active.Stamp, model, now);
            return model;
        }
        finally
        {
            _load.Release();
        }
    }

    public void Dispose() => _load.Dispose();

    /// <summary>An activation on this server: read the registry again on the next call.</summary>
    public void Invalidate() => _state = _state is { } s ? s with { CheckedAt = DateTimeOffset.MinValue } : null;

    private async Task<FraudRiskModel?> LoadAsync(long? id, CancellationToken cancellationToken)
    {
        if (id is not { } modelId || await models.GetContentAsync(modelId, cancellationToken).ConfigureAwait(false) is not { } content)
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
            LogUnloadable(logger, modelId, ex);
            return null;
        }
    }

    [LoggerMessage(EventId = 33, EventName = "ModelUnloadable", Level = LogLevel.Error,
        Message = "Active model {ModelId} cannot be loaded; declarations are assessed without a model")]
    private static partial void LogUnloadable(ILogger logger, long modelId, Exception? exception);
}
