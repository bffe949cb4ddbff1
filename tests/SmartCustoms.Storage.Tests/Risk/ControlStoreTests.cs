using SmartCustoms.Domain.Controls;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Storage.Declarations;
using SmartCustoms.Storage.Risk;
using DeclarationSamples = SmartCustoms.Storage.Tests.Declarations.Samples;

namespace SmartCustoms.Storage.Tests.Risk;

/// <summary>The selectivity rows written with a declaration: assessment at lodging, re-routings, inspections, prices.</summary>
public sealed class ControlStoreTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 9, 30, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static LodgeRisk Risk(Lane lane, bool random = false, params string[] criteria) => new(
        "GB000001", 120m, lane, random, """{"lane":"red"}""",
        [.. criteria.Select(c => new CriterionHit(c, 2, c, 60m, null, []))],
        lane is Lane.Red or Lane.Yellow,
        [KeyValuePair.Create("847130", 12.5m), KeyValuePair.Create("847130", 14m)]);

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task TheAssessmentIsStoredWithTheDeclarationAndFeedsHistoryAndPerformance(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var declarations = storage.Database.Declarations;
        var red = await declarations.LodgeAsync(DeclarationSamples.Lodge("GB1", "L1") with { Risk = Risk(Lane.Red, false, "cheap", "route") }, Ct);
        var green = await declarations.LodgeAsync(DeclarationSamples.Lodge("GB1", "L2") with { Risk = Risk(Lane.Green, true) }, Ct);
        var duplicate = await declarations.LodgeAsync(DeclarationSamples.Lodge("GB1", "L1") with { Risk = Risk(Lane.Green) }, Ct);
        var evidence = new NewEvidence("photo.jpg", "image/jpeg", "ab12", new byte[] { 1, 2, 3 });
        await declarations.UpdateAsync(red.Record.Mrn, r => new DeclarationChange
        {
            Status = r.Status,
            ControlOpen = false,
            Inspection = new NewInspection(1, Lane.Red, true, [FindingCategory.Undervaluation], 99.5m, "low invoice", "officer1", At, [evidence]),
            Audit = new AuditEntry("officer1", "inspection-result", null, At),
        }, Ct);
        await declarations.UpdateAsync(green.Record.Mrn, r => new DeclarationChange
        {
            Status = DeclarationStatus.UnderControl,
            Lane = Lane.Yellow,
            ControlOpen = true,
            LaneChange = new LaneChange(Lane.Green, Lane.Yellow, "tip-off", "officer2", At),
            Audit = new AuditEntry("officer2", "reroute", "tip-off", At),
        }, Ct);

        var reader = storage.Open();
        var stored = await reader.Declarations.GetAsync(green.Record.Mrn, null, Ct);
        var history = await reader.Risk.GetControlHistoryAsync(red.Record.Mrn, Ct);
        var file = await reader.Risk.GetEvidenceAsync(red.Record.Mrn, history.Inspections[0].Evidence[0].Id, Ct);
        var (outcomes, hits) = await reader.Risk.GetControlOutcomesAsync(At.AddDays(-1), At.AddDays(1), Ct);
        var trader = await reader.Risk.GetTraderHistoryAsync("GB1", Ct);
        var worklist = await reader.Declarations.ListAsync(new DeclarationQuery { ControlOpen = true }, Ct);

        Assert.Equal((LodgeOutcome.Created, Lane.Red, true), (red.Outcome, red.Record.Lane, red.Record.ControlOpen));
        Assert.Equal((LodgeOutcome.Duplicate, Lane.Red), (duplicate.Outcome, duplicate.Record.Lane));
        Assert.Equal((Lane.Yellow, true), (stored!.Lane, stored.ControlOpen));
        Assert.Equal("""{"lane":"red"}""", history.Assessment!.DecisionJson);
        Assert.Equal([FindingCategory.Undervaluation], history.Inspections[0].Categories);
        Assert.Equal(99.5m, history.Inspections[0].Revenue);
        Assert.Equal(new byte[] { 1, 2, 3 }, file!.Value.Content);
        Assert.Equal(("photo.jpg", "ab12", 3L), (file.Value.File.FileName, file.Value.File.Sha256, file.Value.File.Size));
        Assert.Null(await reader.Risk.GetEvidenceAsync(green.Record.Mrn, history.Inspections[0].Evidence[0].Id, Ct));
        Assert.Equal(
            [new ControlOutcome(red.Record.Mrn, Lane.Red, Lane.Red, false, true, true, 99.5m), new ControlOutcome(green.Record.Mrn, Lane.Green, Lane.Yellow, true, false, false, 0m)],
            outcomes.OrderBy(o => o.Mrn == green.Record.Mrn));
        Assert.Equal(["cheap", "route"], hits.Select(h => h.CriterionId).Order());
        Assert.Equal(new TraderHistory(2, 1, 1), trader);
        Assert.Equal([green.Record.Mrn], worklist.Items.Select(i => i.Mrn));
        var labelled = Assert.Single(await reader.Risk.GetLabelledDeclarationsAsync(10, Ct));
        Assert.Equal((red.Record.Mrn, true, 99.5m), (labelled.Mrn, labelled.Findings, labelled.Revenue));
        Assert.Equal(DeclarationSamples.Json(red.Record.Declaration), DeclarationSamples.Json(labelled.Declaration));
        Assert.Equal(red.Record.Assessment!.TotalDuty, labelled.Duties!.TotalDuty);
        Assert.Empty(await reader.Risk.GetLabelledDeclarationsAsync(0, Ct));
        Assert.Equal(new decimal[] { 14m, 12.5m, 14m, 12.5m }, (await reader.Risk.RecentPricesAsync(10, Ct)).Select(p => p.Value));
        Assert.Equal(3, await reader.Risk.PrunePricesAsync(1, Ct));
        Assert.Equal(new decimal[] { 14m }, (await reader.Risk.RecentPricesAsync(10, Ct)).Select(p => p.Value));
    }
}
