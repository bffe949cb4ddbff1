using System.Globalization;
using System.Text.Json;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Storage.Risk;
using SmartCustoms.Storage.Snapshots;

namespace SmartCustoms.Storage.Tests.Risk;

public sealed class RiskStoreTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 9, 30, 0, TimeSpan.FromHours(1));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task SavingAgainAddsAVersionAndKeepsTheHistory(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var risk = storage.Database.Risk;

        var first = await risk.SaveCriterionAsync(Criterion("low-value", 100m), "analyst1", At, Ct);
        var second = await risk.SaveCriterionAsync(Criterion("low-value", 150m), "analyst2", At.AddHours(1), Ct);
        var other = await risk.SaveCriterionAsync(Criterion("another", 20m), "analyst1", At, Ct);

        var reader = storage.Open().Risk;
        var history = await reader.HistoryAsync("low-value", Ct);
        var current = await reader.ListCurrentAsync(includeRetired: false, Ct);

        Assert.Equal((1, 2, 1), (first.Version, second.Version, other.Version));
        Assert.Equal([1, 2], history.Select(c => c.Version));
        Assert.Equal(Json(Criterion("low-value", 100m)), Json(history[0].Document));
        Assert.Equal(150m, history[1].Document.Weight);
        Assert.Equal(("analyst2", At.AddHours(1)), (history[1].Author, history[1].CreatedAt));
        Assert.Equal(second.CreatedAt, history[1].CreatedAt);
        Assert.Equal(["another", "low-value"], current.Select(c => c.Id));
        Assert.Equal(2, current[1].Version);
        Assert.Null(current[1].RetiredAt);
        Assert.Empty(await reader.HistoryAsync("unknown", Ct));
    }

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task ConcurrentSavesOfOneIdGetDistinctVersions(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        Database[] servers = [storage.Database, storage.Open(), storage.Open()];

        var saved = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(
            () => servers[i % servers.Length].Risk.SaveCriterionAsync(Criterion("contested", i), "analyst", At, Ct), Ct)));

        Assert.Equal(Enumerable.Range(1, 24), saved.Select(s => s.Version).Order());
        var history = await storage.Database.Risk.HistoryAsync("contested", Ct);
        Assert.Equal(Enumerable.Range(1, 24), history.Select(c => c.Version));
        Assert.Equal(24, (await storage.Database.Snapshots.ReadVersionsAsync(Ct))[SnapshotKind.Criteria]);
    }

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task RetiringHidesFromTheCurrentListButKeepsTheHistory(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var risk = storage.Database.Risk;
        await risk.SaveCriterionAsync(Criterion("old", 10m), "analyst", At, Ct);
        await risk.SaveCriterionAsync(Criterion("old", 20m), "analyst", At, Ct);
        await risk.SaveCriterionAsync(Criterion("kept", 30m), "analyst", At, Ct);

        var retired = await risk.RetireAsync("old", "supervisor", At.AddDays(1), Ct);
        var again = await risk.RetireAsync("old", "someone-else", At.AddDays(2), Ct);
        var unknown = await risk.RetireAsync("never-saved", "supervisor", At, Ct);

        Assert.NotNull(retired);
        Assert.Equal((2, "supervisor", At.AddDays(1).ToUniversalTime()), (retired.Version, retired.RetiredBy, retired.RetiredAt));
        Assert.NotNull(again);
        Assert.Equal(("supervisor", At.AddDays(1).ToUniversalTime()), (again.RetiredBy, again.RetiredAt));
        Assert.Null(unknown);
        Assert.Equal(["kept"], (await risk.ListCurrentAsync(includeRetired: false, Ct)).Select(c => c.Id));
        var all = await risk.ListCurrentAsync(includeRetired: true, Ct);
        Assert.Equal(["kept", "old"], all.Select(c => c.Id));
        Assert.Equal(20m, all[1].Document.Weight);
        var history = await risk.HistoryAsync("old", Ct);
        Assert.Equal([1, 2], history.Select(c => c.Version));
        Assert.Null(history[0].RetiredAt);
        Assert.NotNull(history[1].RetiredAt);

        // Saving a retired criterion again brings it back as a new version.
        var revived = await risk.SaveCriterionAsync(Criterion("old", 25m), "analyst", At.AddDays(3), Ct);
        Assert.Equal(3, revived.Version);
        Assert.Equal(["kept", "old"], (await risk.ListCurrentAsync(includeRetired: false, Ct)).Select(c => c.Id));
    }

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task TheStampChangesOnSaveAndRetireOnly(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var risk = storage.Database.Risk;
        var other = storage.Open().Snapshots;
        async Task<long> Stamp() => (await other.ReadVersionsAsync(Ct))[SnapshotKind.Criteria];

        var empty = await Stamp();
        await risk.SaveCriterionAsync(Criterion("a", 10m), "analyst", At, Ct);
        var saved = await Stamp();
        await risk.SaveCriterionAsync(Criterion("a", 11m), "analyst", At, Ct);
        var resaved = await Stamp();
        await risk.RetireAsync("a", "analyst", At, Ct);
        var retired = await Stamp();
        await risk.RetireAsync("a", "analyst", At, Ct);
        await risk.RetireAsync("unknown", "analyst", At, Ct);
        await risk.SaveLaneSettingsAsync(new LaneSettings { Office = "GB000001" }, "admin", At, Ct);
        var unchanged = await Stamp();

        Assert.NotEqual(empty, saved);
        Assert.NotEqual(saved, resaved);
        Assert.NotEqual(resaved, retired);
        Assert.Equal(retired, unchanged);
    }

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task LaneSettingsAreUpsertedByOffice(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var risk = storage.Database.Risk;
        var before = await risk.GetLaneSettingsAsync(Ct);

        await risk.SaveLaneSettingsAsync(new LaneSettings { Office = "GB000002", RedRate = 0.05 }, "admin", At, Ct);
        await risk.SaveLaneSettingsAsync(new LaneSettings { Office = "GB000001", RedRate = 0.02 }, "admin", At, Ct);
        var replaced = new LaneSettings
        {
            Office = "GB000002", RedRate = 0.04, YellowRate = 0.1, BlueRate = 0.02, MinRandomRate = 0.005,
            RandomLane = Lane.Yellow, MaxHitsWithoutSelection = 5, Window = 500,
            FallbackRed = 300.5m, FallbackYellow = 150m, FallbackBlue = 75m,
        };
        await risk.SaveLaneSettingsAsync(replaced, "admin2", At.AddHours(1), Ct);

        var settings = await storage.Open().Risk.GetLaneSettingsAsync(Ct);

        Assert.Empty(before);
        Assert.Equal(["GB000001", "GB000002"], settings.Select(s => s.Office));
        Assert.Equal(0.02, settings[0].RedRate);
        Assert.Equal(replaced, settings[1]);
    }

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task AssessmentsRoundTripAndTheLatestOfAnMrnIsReturned(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var risk = storage.Database.Risk;
        var decision = """{"lane":"Red","score":215.50,"reasons":["Random   selection"],"random":true}""";
        var first = new StoredAssessment("25GB000001000001", 1, "GB000001", 40m, Lane.Green, false, """{"lane":"Green"}""", At);
        var second = new StoredAssessment("25GB000001000001", 2, "GB000001", 215.50m, Lane.Red, true, decision, At.AddMinutes(5));
        await risk.SaveAssessmentAsync(first, Ct);
        await risk.SaveAssessmentAsync(second, Ct);
        await risk.SaveAssessmentAsync(second with { Mrn = "25GB000001000002", Version = 1, Score = 0m, Lane = Lane.Blue }, Ct);

        var reader = storage.Open().Risk;
        var loaded = await reader.GetAssessmentAsync("25GB000001000001", Ct);

        Assert.NotNull(loaded);
        Assert.Equal(second with { At = At.AddMinutes(5).ToUniversalTime() }, loaded);
        Assert.Equal(decision, loaded.DecisionJson);
        Assert.Null(await reader.GetAssessmentAsync("25GB000001999999", Ct));
    }

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task RecentScoresAreNewestFirstLimitedAndPerOffice(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var risk = storage.Database.Risk;
        for (var i = 1; i <= 8; i++)
        {
            await risk.SaveAssessmentAsync(Assessment(i, "GB000001", i * 10.25m), Ct);
            await risk.SaveAssessmentAsync(Assessment(100 + i, "FR000001", -i), Ct);
        }

        var reader = storage.Open().Risk;

        Assert.Equal([82m, 71.75m, 61.5m], await reader.RecentScoresAsync("GB000001", 3, Ct));
        Assert.Equal([-8m, -7m, -6m, -5m, -4m, -3m, -2m, -1m], await reader.RecentScoresAsync("FR000001", 100, Ct));
        Assert.Empty(await reader.RecentScoresAsync("GB000001", 0, Ct));
        Assert.Empty(await reader.RecentScoresAsync("DE000001", 10, Ct));
    }

    private static StoredAssessment Assessment(int n, string office, decimal score) => new(
        "25GB" + n.ToString("D12", CultureInfo.InvariantCulture), 1, office, score, Lane.Green, false, "{}", At.AddSeconds(n));

    private static string Json(CriterionDocument document) => CriterionJson.Serialize(document);

    private static CriterionDocument Criterion(string id, decimal weight)
    {
        var parsed = CriterionJson.Parse($$"""
            {
              "id": "{{id}}",
              "name": "Criterion {{id}}",
              "weight": {{weight.ToString(CultureInfo.InvariantCulture)}},
              "minimumLane": "Yellow",
              "offices": ["GB000001"],
              "validFrom": "2025-01-01",
              "when": {
                "all": [
                  { "field": "hsCode", "op": "startsWith", "values": ["8471", "8517"] },
                  { "field": "unitPriceRatio", "op": "lt", "value": 0.5 }
                ]
              }
            }
            """);
        Assert.Null(parsed.Refusal);
        return parsed.Value;
    }
}
