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
using SmartCustoms.Storage.Declarations;
using SmartCustoms.Storage.Risk;

namespace SmartCustoms.Server.Risk;

/// <summary>The lane given to a declaration at lodging, and what to store of it.</summary>
public sealed record RiskOutcome(string Office, RiskDecision Decision, LodgeRisk Stored);

/// <summary>
/// Assesses declarations at lodging with the criteria and lane settings in force. Criteria are compiled once per
/// change (a cheap stamp is polled), each office keeps a window of its recent scores from which the thresholds
/// follow, trader facts and reference prices come from the node's own records. Several servers on one database
/// converge: each re-reads criteria and settings every <see cref="SmartCustomsOptions.RiskSection.RefreshSeconds"/>
/// and reloads the offices' windows from the stored assessments every six such periods.
/// </summary>
public sealed partial class RiskAssessor(
    IRiskStore store, ActiveModels models, RiskRandom random, IMemoryCache cache, IOptions<SmartCustomsOptions> options, TimeProvider clock,
    ILogger<RiskAssessor> logger, PartnerEvidenceReader partners, AeoStatus aeo) : IDisposable
{
    private static readonly TimeSpan PricesEvery = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan TraderFactsFor = TimeSpan.FromSeconds(30);

    private readonly SmartCustomsOptions.RiskSection _options = options.Value.Risk;
    private readonly SemaphoreSlim _reload = new(1, 1);
    private readonly ConcurrentDictionary<string, OfficeWindow> _offices = new(StringComparer.Ordinal);
    private volatile Snapshot? _snapshot;

    private TimeSpan RefreshEvery => TimeSpan.FromSeconds(Math.Max(_options.RefreshSeconds, 1));

    public async Task<RiskOutcome> AssessAsync(Declaration declaration, CheckResult check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(check);
        using var activity = NodeTelemetry.Source.StartActivity("assess");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var snapshot = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        var trader = await TraderFactsAsync(declaration.Declarant?.Id, declaration.Importer?.Id, cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var subject = RiskSubject.Create(declaration, today, trader, check.Assessment, snapshot.Prices, check.Warnings);
        var settings = snapshot.Lanes.GetValueOrDefault(subject.Office) ?? new LaneSettings { Office = subject.Office };
        var window = await WindowAsync(subject.Office, settings.Window, cancellationToken).ConfigureAwait(false);
        // Only imports are compared with partners' data, and only when some partner sends any.
        var partner = declaration.IsImport && snapshot.Partners.Count > 0
            ? await partners.ReadAsync(declaration, check.Assessment, snapshot.Partners, cancellationToken).ConfigureAwait(false)
            : null;
        if (trader.IsAeo == true && trader.AeoBasis is { } basis)
        {
            partner = (partner ?? PartnerEvidence.None) with { Notes = [$"Treated as an AEO: {basis}.", .. partner?.Notes ?? []] };
        }

        var decision = snapshot.Engine.Assess(subject, window.Thresholds.For(settings), settings, random.Draw(), partner);

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

    /// <summary>Criteria, lane settings, partners or the active model changed on this server: use them from the next declaration on.</summary>
    public void Invalidate()
    {
        models.Invalidate();
        _snapshot = null;
    }

    /// <summary>Red and yellow lanes hold the goods for a control before release.</summary>
    public static bool IsControl(Lane lane) => lane is Lane.Red or Lane.Yellow;

    public void Dispose() => _reload.Dispose();

    private async ValueTask<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_snapshot is { } fresh && now - fresh.CheckedAt < RefreshEvery)
        {
            return fresh;
        }

        await _reload.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _snapshot;
            if (current is not null && now - current.CheckedAt < RefreshEvery)
            {
                return current;
            }

            var stamp = await store.CriteriaStampAsync(cancellationToken).ConfigureAwait(false);
            var criteria = current is not null && current.Stamp == stamp ? current.Engine.Criteria : await CompileAsync(cancellationToken).ConfigureAwait(false);
            var model = await models.CurrentAsync(cancellationToken).ConfigureAwait(false);
            var engine = current is not null && ReferenceEquals(current.Engine.Criteria, criteria) && ReferenceEquals(current.Engine.Model, model)
                ? current.Engine
                : model is null ? new RiskEngine(criteria) : new RiskEngine(criteria, model);
            var lanes = (await store.GetLaneSettingsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(l => l.Office, StringComparer.Ordinal);
            var (prices, pricedAt) = current is not null && now - current.PricedAt < PricesEvery
                ? (current.Prices, current.PricedAt)
                : (await LoadPricesAsync(cancellationToken).ConfigureAwait(false), now);
            var senders = await partners.SendersAsync(cancellationToken).ConfigureAwait(false);
            var next = new Snapshot(engine, stamp, lanes, prices, pricedAt, now, senders);
            _snapshot = next;
            return next;
        }
        finally
        {
            _reload.Release();
        }
    }

    private async Task<CriteriaSet> CompileAsync(CancellationToken cancellationToken)
    {
        var compiled = new List<CompiledCriterion>();
        foreach (var stored in await store.ListCurrentAsync(includeRetired: false, cancellationToken).ConfigureAwait(false))
        {
            var result = CriterionCompiler.Compile(stored.Document, stored.Version);
            if (result.Criterion is { } criterion)
            {
                compiled.Add(criterion);
            }
            else
            {
                // Saved criteria were compiled before they were stored; this one fails with a newer compiler.
                LogSkipped(logger, stored.Id, stored.Version, string.Join("; ", result.Errors.Select(e => e.Message)));
            }
        }

        return CriteriaSet.Create(compiled);
    }

    private async Task<ReferencePrices> LoadPricesAsync(CancellationToken cancellationToken)
    {
        // Only the latest sample is read; PricePruningService deletes older rows, off the lodging path.
        var observations = await store.RecentPricesAsync(Math.Max(_options.PriceSample, 0), cancellationToken).ConfigureAwait(false);
        return ReferencePriceMedians.Compute(observations, Math.Max(_options.MinPriceObservations, 1));
    }

    private async ValueTask<TraderFacts> TraderFactsAsync(string? declarantId, string? importerId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(declarantId) && string.IsNullOrEmpty(importerId))
        {
            return TraderFacts.Unknown;
        }

        var key = ("trader-facts", declarantId ?? "", importerId ?? "");
        if (cache.TryGetValue(key, out TraderFacts? known) && known is not null)
        {
            return known;
        }

        // AEO status: the declarant or the importer on this node's register or a recognised partner's list; null (unknown,
        // never false) while the node holds no AEO data, which costs no query (AeoStatus caches what the node holds).
        var status = await aeo.LookupAsync(declarantId, importerId, cancellationToken).ConfigureAwait(false);
        var facts = TraderFacts.Unknown with { IsAeo = status.IsAeo, AeoBasis = status.Basis };
        if (!string.IsNullOrEmpty(declarantId))
        {
            var history = await store.GetTraderHistoryAsync(declarantId, cancellationToken).ConfigureAwait(false);
            facts = facts with { IsNewTrader = history.Declarations < _options.NewTraderBelow, PastDeclarations = history.Declarations, PastFindings = history.Findings };
        }

        cache.Set(key, facts, TraderFactsFor);
        return facts;
    }

    private async ValueTask<OfficeWindow> WindowAsync(string office, int size, CancellationToken cancellationToken)
    {
        var window = _offices.GetOrAdd(office, static _ => new OfficeWindow());
        var now = clock.GetUtcNow();
        if (now - window.LoadedAt >= RefreshEvery * 6)
        {
            // Another server's assessments count too; a reload from the database brings them in.
            var scores = await store.RecentScoresAsync(office, Math.Clamp(size, 1, LaneSettings.MaxWindow), cancellationToken).ConfigureAwait(false);
            window.Thresholds.Reload(scores);
            window.LoadedAt = now;
        }

        return window;
    }

    private sealed record Snapshot(
        RiskEngine Engine, long Stamp, IReadOnlyDictionary<string, LaneSettings> Lanes, ReferencePrices Prices, DateTimeOffset PricedAt,
        DateTimeOffset CheckedAt, IReadOnlyDictionary<string, PartnerEvidenceReader.Sender> Partners);

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
