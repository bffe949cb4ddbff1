using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Server.Snapshots;
using SmartCustoms.Storage.Snapshots;

namespace SmartCustoms.Server.Tests.Snapshots;

/// <summary>The one snapshot primitive: reloads only when a version of its kinds grew, one reload at a time, never losing the value it has.</summary>
public sealed class SnapshotTests
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly VersionsInMemory _versions = new();
    private readonly SnapshotStamps _stamps;

    public SnapshotTests() => _stamps = new SnapshotStamps(
        _versions, Options.Create(new SmartCustomsOptions { Risk = { RefreshSeconds = (int)Refresh.TotalSeconds } }), _clock, NullLogger<SnapshotStamps>.Instance);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReloadsOnlyWhenAVersionOfItsOwnKindsGrewAndReadsTheVersionsOncePerInterval()
    {
        var loads = 0;
        var snapshot = _stamps.Create("tariff", [SnapshotKind.Tariff], _ => Task.FromResult($"tariff {++loads}"));

        var first = await snapshot.GetAsync(Ct);
        _clock.Advance(Refresh);
        var unchanged = await snapshot.GetAsync(Ct);
        _versions.Bump(SnapshotKind.Lanes);
        _clock.Advance(Refresh);
        var otherKindChanged = await snapshot.GetAsync(Ct);
        _versions.Bump(SnapshotKind.Tariff);
        var withinInterval = await snapshot.GetAsync(Ct);
        _clock.Advance(Refresh);
        var afterInterval = await snapshot.GetAsync(Ct);
        var again = await snapshot.GetAsync(Ct);

        Assert.Equal(["tariff 1", "tariff 1", "tariff 1", "tariff 1", "tariff 2", "tariff 2"], [first, unchanged, otherKindChanged, withinInterval, afterInterval, again]);
        Assert.Equal(2, snapshot.Reloads);
        Assert.Equal(4, _versions.Reads);
    }

    [Fact]
    public async Task AWriteThroughThisServerIsSeenByTheNextRead()
    {
        var loads = 0;
        var snapshot = _stamps.Create("criteria", [SnapshotKind.Criteria, SnapshotKind.Models], _ => Task.FromResult(++loads));
        Assert.Equal(1, await snapshot.GetAsync(Ct));

        _versions.Bump(SnapshotKind.Models);
        await _stamps.AfterWriteAsync(Ct);

        Assert.Equal(2, snapshot.Reloads);
        Assert.Equal(2, await snapshot.GetAsync(Ct));
        Assert.Equal(2, snapshot.Reloads);
    }

    [Fact]
    public async Task OneReloadRunsAtATimeAndOtherReadersKeepTheValueLoadedBefore()
    {
        var loads = 0;
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var snapshot = _stamps.Create("model", [SnapshotKind.Models], async _ =>
        {
            if (Interlocked.Increment(ref loads) > 1)
            {
                entered.TrySetResult();
                await release.Task;
            }

            return $"model {loads}";
        });
        Assert.Equal("model 1", await snapshot.GetAsync(Ct));
        _versions.Bump(SnapshotKind.Models);
        _clock.Advance(Refresh);

        var starter = snapshot.GetAsync(Ct).AsTask();
        await entered.Task.WaitAsync(Ct);
        // Readers that waited for the reload would never finish: the guard turns that into a failure instead of a hang.
        var meanwhile = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => snapshot.GetAsync(Ct).AsTask(), Ct)))
            .WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var waiting = starter.IsCompleted;
        release.SetResult();

        Assert.All(meanwhile, value => Assert.Equal("model 1", value));
        Assert.False(waiting);
        Assert.Equal("model 2", await starter);
        Assert.Equal("model 2", await snapshot.GetAsync(Ct));
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task AFailedReloadKeepsTheValueLoadedBeforeAndIsTriedAgainAfterAnInterval()
    {
        var attempts = 0;
        var failing = false;
        var snapshot = _stamps.Create("aeo", [SnapshotKind.Aeo], _ =>
        {
            attempts++;
            return failing ? Task.FromException<string>(new InvalidOperationException("bad row")) : Task.FromResult($"holdings {attempts}");
        });
        Assert.Equal("holdings 1", await snapshot.GetAsync(Ct));
        _versions.Bump(SnapshotKind.Aeo);
        _clock.Advance(Refresh);
        failing = true;

        var whileFailing = await snapshot.GetAsync(Ct);
        var soonAfter = await snapshot.GetAsync(Ct);
        var attemptsWhileFailing = attempts;
        failing = false;
        _clock.Advance(Refresh);
        var retried = await snapshot.GetAsync(Ct);

        Assert.Equal(("holdings 1", "holdings 1", 2), (whileFailing, soonAfter, attemptsWhileFailing));
        Assert.Equal("holdings 3", retried);
    }

    [Fact]
    public async Task VersionsThatCannotBeReadLeaveTheSnapshotAsItIs()
    {
        var loads = 0;
        var snapshot = _stamps.Create("lanes", [SnapshotKind.Lanes], _ => Task.FromResult(++loads));
        Assert.Equal(1, await snapshot.GetAsync(Ct));
        _versions.Unreachable = true;
        _clock.Advance(Refresh);

        var whileAway = await snapshot.GetAsync(Ct);
        await snapshot.GetAsync(Ct);
        var readsWhileAway = _versions.Reads;
        _versions.Unreachable = false;
        _versions.Bump(SnapshotKind.Lanes);
        _clock.Advance(Refresh);

        Assert.Equal((1, 2), (whileAway, readsWhileAway));
        Assert.Equal(2, await snapshot.GetAsync(Ct));
    }

    [Fact]
    public async Task ASnapshotNoVersionTracksIsReloadedWhenOlderThanItsMaximumAge()
    {
        var loads = 0;
        var snapshot = _stamps.Create("prices", [], _ => Task.FromResult(++loads), maxAge: TimeSpan.FromMinutes(10));
        await snapshot.GetAsync(Ct);

        _clock.Advance(TimeSpan.FromMinutes(9));
        var young = await snapshot.GetAsync(Ct);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var old = await snapshot.GetAsync(Ct);
        snapshot.Expire();
        var expired = await snapshot.GetAsync(Ct);

        Assert.Equal((1, 2, 3), (young, old, expired));
    }
}
