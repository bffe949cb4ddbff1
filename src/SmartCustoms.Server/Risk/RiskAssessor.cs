using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Controls;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Server.Aeo;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Server.Models;
using SmartCustoms.Server.Snapshots;
using SmartCustoms.Storage.Declarations;
using SmartCustoms.Storage.Risk;
using SmartCustoms.Storage.Snapshots;

namespace SmartCustoms.Server.Risk;

/// <summary>The lane given to a declaration at lodging, and what to store of it.</summary>
public sealed record RiskOutcome(string Office, RiskDecision Decision, LodgeRisk Stored);

/// <summary>
/// Assesses declarations at lodging with the criteria and lane settings in force. Criteria, lane settings and partners
/// are snapshots (<see cref="SnapshotStamps"/>): compiled or read once per change, seen by this server at once and by others
/// within <see cref="SmartCustomsOptions.RiskSection.RefreshSeconds"/>. Each office keeps a window of its recent scores
/// from which the thresholds follow, reloaded from the stored assessments every six such periods; trader facts and
/// reference prices come from the node's own records.
/// </summary>
public sealed partial class RiskAssessor
{
    private static readonly TimeSpan PricesEvery = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan TraderFactsFor = TimeSpan.FromSeconds(30);

    private readonly IRiskStore _store;
    private readonly ActiveModels _models;
    private readonly RiskRandom _random;
    private readonly IMemoryCache _cache;
    private readonly TimeProvider _clock;
    private readonly ILogger<RiskAssessor> _logger;
    private readonly PartnerEvidenceReader _partners;
    private readonly AeoStatus _aeo;
    private readonly SnapshotStamps _stamps;
    private readonly SmartCustomsOptions.RiskSection _options;
    private readonly ConcurrentDictionary<string, OfficeWindow> _offices = new(StringComparer.Ordinal);
    // One default per office without settings of its own: OfficeThresholds keeps its thresholds for the settings object
    // it computed them for, so a new object on every declaration would sort the office's window on every declaration.
    private readonly ConcurrentDictionary<string, LaneSettings> _defaultLanes = new(StringComparer.Ordinal);
    private readonly Snapshot<CriteriaSet> _criteria;
    private readonly Snapshot<IReadOnlyDictionary<string, LaneSettings>> _lanes;
    private readonly Snapshot<IReadOnlyDictionary<string, PartnerEvidenceReader.Sender>> _senders;
    private readonly Snapshot<ReferencePrices> _prices;
    private volatile RiskEngine? _engine;

    public RiskAssessor(
        IRiskStore store, ActiveModels models, RiskRandom random, IMemoryCache cache, IOptions<SmartCustomsOptions> options, TimeProvider clock,
        ILogger<RiskAssessor> logger, PartnerEvidenceReader partners, AeoStatus aeo, SnapshotStamps stamps)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stamps);
        (_store, _models, _random, _cache, _clock, _logger, _partners, _aeo) =
            (store, models, random, cache, clock, logger, partners, aeo);
        _stamps = stamps;
        _options = options.Value.Risk;
        _criteria = stamps.Create("risk criteria", [SnapshotKind.Criteria], CompileAsync);
        _lanes = stamps.Create<IReadOnlyDictionary<string, LaneSettings>>("lane settings", [SnapshotKind.Lanes], async ct =>
            (await store.GetLaneSettingsAsync(ct).ConfigureAwait(false)).ToDictionary(l => l.Office, StringComparer.Ordinal));
        _senders = stamps.Create("partners sending data", [SnapshotKind.Partners], partners.SendersAsync);
        // Derived from every lodging, which no version tracks: recomputed when ten minutes old.
        _prices = stamps.Create("reference prices", [], LoadPricesAsync, PricesEvery);
    }

    private TimeSpan RefreshEvery => _stamps.RefreshEvery;

    public async Task<RiskOutcome> AssessAsync(Declaration declaration, CheckResult check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(check);
        using var activity = NodeTelemetry.Source.StartActivity("assess");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var engine = await EngineAsync(cancellationToken).ConfigureAwait(false);
        var lanes = await _lanes.GetAsync(cancellationToken).ConfigureAwait(false);
        var senders = await _senders.GetAsync(cancellationToken).ConfigureAwait(false);
        var references = await _prices.GetAsync(cancellationToken).ConfigureAwait(false);
        var trader = await TraderFactsAsync(declaration.Declarant?.Id, declaration.Importer?.Id, cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var subject = RiskSubject.Create(declaration, today, trader, check.Assessment, references, check.Warnings);
        var settings = LaneSettings.For(lanes, subject.Office) ?? _defaultLanes.GetOrAdd(subject.Office, static office => new LaneSettings { Office = office });
        var window = await WindowAsync(subject.Office, settings.Window, cancellationToken).ConfigureAwait(false);
        // Only imports are compared with partners' data, and only when some partner sends any.
        var partner = declaration.IsImport && senders.Count > 0
            ? await _partners.ReadAsync(declaration, check.Assessment, senders, cancellationToken).ConfigureAwait(false)
            : null;
        if (trader.IsAeo == true && trader.AeoBasis is { } basis)
        {
            partner = (partner ?? PartnerEvidence.None) with { Notes = [$"Treated as an AEO: {basis}.", .. partner?.Notes ?? []] };
        }

        var decision = engine.Assess(subject, window.Thresholds.For(settings), settings, _random.Draw(), partner);

        var prices = new List<KeyValuePair<string, decimal>>(subject.ItemCount);
        foreach (var item in subject.Items)
        {
            if (item.Hs6 is { } hs6 && item.ValuePerKg is { } value && value > 0m)
            {
                prices.Add(KeyValuePair.Create(hs6, value));
            }
        }

        var stored = new LodgeRisk(
            subject.Office, decision.Score, decision.Lane, decision.Random, JsonSerializer.Serialize(decision, CriterionJson.Options),
            decision.Hits, IsControl(decision.Lane), prices);
        NodeTelemetry.Assessments.Add(1);
        NodeTelemetry.AssessmentDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        activity?.SetTag("smartcustoms.lane", decision.Lane.ToString());
        return new RiskOutcome(subject.Office, decision, stored);
    }

    /// <summary>Adds a committed assessment's score to its office's window.</summary>
    public void Observe(string office, decimal score)
    {
        if (_offices.TryGetValue(office, out var window))
        {
            window.Thresholds.Add(score);
        }
    }

    /// <summary>Criteria, lane settings, partners or the active model changed through this server: use them from the next declaration on.</summary>
    /// <remarks>The reference prices are computed again too, so that a criterion on prices is tried against those lodged so far.</remarks>
    public Task ChangedAsync(CancellationToken cancellationToken)
    {
        _prices.Expire();
        return _stamps.AfterWriteAsync(cancellationToken);
    }

    /// <summary>Reads criteria, lane settings, partners and reference prices again at the next declaration, changed or not.</summary>
    public void Invalidate()
    {
        _criteria.Expire();
        _lanes.Expire();
        _senders.Expire();
        _prices.Expire();
    }

    /// <summary>Red and yellow lanes hold the goods for a control before release.</summary>
    public static bool IsControl(Lane lane) => lane is Lane.Red or Lane.Yellow;

    /// <summary>The engine over the criteria and model in force, built again only when either changed.</summary>
    private async ValueTask<RiskEngine> EngineAsync(CancellationToken cancellationToken)
    {
        var criteria = await _criteria.GetAsync(cancellationToken).ConfigureAwait(false);
        var model = await _models.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (_engine is { } engine && ReferenceEquals(engine.Criteria, criteria) && ReferenceEquals(engine.Model, model))
        {
            return engine;
        }

        var built = model is null ? new RiskEngine(criteria) : new RiskEngine(criteria, model);
        _engine = built;
        return built;
    }

    private async Task<CriteriaSet> CompileAsync(CancellationToken cancellationToken)
    {
        var compiled = new List<CompiledCriterion>();
        foreach (var stored in await _store.ListCurrentAsync(includeRetired: false, cancellationToken).ConfigureAwait(false))
        {
            var result = CriterionCompiler.Compile(stored.Document, stored.Version);
            if (result.Criterion is { } criterion)
            {
                compiled.Add(criterion);
            }
            else
            {
                // Saved criteria were compiled before they were stored; this one fails with a newer compiler.
                LogSkipped(_logger, stored.Id, stored.Version, string.Join("; ", result.Errors.Select(e => e.Message)));
            }
        }

        return CriteriaSet.Create(compiled);
    }

    private async Task<ReferencePrices> LoadPricesAsync(CancellationToken cancellationToken)
    {
        // Only the latest sample is read; PricePruningService deletes older rows, off the lodging path.
        var observations = await _store.RecentPricesAsync(Math.Max(_options.PriceSample, 0), cancellationToken).ConfigureAwait(false);
        return ReferencePriceMedians.Compute(observations, Math.Max(_options.MinPriceObservations, 1));
    }

    private async ValueTask<TraderFacts> TraderFactsAsync(string? declarantId, string? importerId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(declarantId) && string.IsNullOrEmpty(importerId))
        {
            return TraderFacts.Unknown;
        }

        var key = ("trader-facts", declarantId ?? "", importerId ?? "");
        if (_cache.TryGetValue(key, out TraderFacts? known) && known is not null)
        {
            return known;
        }

        // AEO status: the declarant or the importer on this node's register or a recognised partner's list; null (unknown,
        // never false) while the node holds no AEO data, which costs no query (AeoStatus caches what the node holds).
        var status = await _aeo.LookupAsync(declarantId, importerId, cancellationToken).ConfigureAwait(false);
        var facts = TraderFacts.Unknown with { IsAeo = status.IsAeo, AeoBasis = status.Basis };
        if (!string.IsNullOrEmpty(declarantId))
        {
            var history = await _store.GetTraderHistoryAsync(declarantId, cancellationToken).ConfigureAwait(false);
            facts = facts with { IsNewTrader = history.Declarations < _options.NewTraderBelow, PastDeclarations = history.Declarations, PastFindings = history.Findings };
        }

        _cache.Set(key, facts, TraderFactsFor);
        return facts;
    }

    private async ValueTask<OfficeWindow> WindowAsync(string office, int size, CancellationToken cancellationToken)
    {
        var window = _offices.GetOrAdd(office, static _ => new OfficeWindow());
        var now = _clock.GetUtcNow();
        if (now - window.LoadedAt >= RefreshEvery * 6)
        {
            // Another server's assessments count too; a reload from the database brings them in.
            var scores = await _store.RecentScoresAsync(office, Math.Clamp(size, 1, LaneSettings.MaxWindow), cancellationToken).ConfigureAwait(false);
            window.Thresholds.Reload(scores);
            window.LoadedAt = now;
        }

        return window;
    }

    /// <summary>An office's thresholds and when its window was last read back from storage.</summary>
    private sealed class OfficeWindow
    {
        public OfficeThresholds Thresholds { get; } = new();

        public DateTimeOffset LoadedAt { get; set; } = DateTimeOffset.MinValue;
    }

    [LoggerMessage(EventId = 20, EventName = "CriterionSkipped", Level = LogLevel.Warning,
        Message = "Criterion {Id} version {Version} no longer compiles and is not applied: {Errors}")]
    private static partial void LogSkippedMessage(ILogger logger, string id, int version, string errors, Exception? exception);

    private static void LogSkipped(ILogger logger, string id, int version, string errors) => LogSkippedMessage(logger, id, version, errors, null);
}
