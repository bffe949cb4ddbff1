using System.Text.Json;
using SmartCustoms.Domain.Controls;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Domain.Risk;

namespace SmartCustoms.Domain.Tests.Exchange;

/// <summary>The mirror check against a partner's export data and the checks of its control results, and what the engine makes of them.</summary>
public class PartnerChecksTests
{
    private static readonly DateTimeOffset ExportedAt = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);
    private static readonly PartnerCheckSettings Settings = new();
    private static readonly LaneSettings Lanes = new() { Office = "SGSIN" };
    private static readonly Thresholds Thresholds = new(200m, 100m, 50m, 1000, false);

    private static Declaration Import(decimal value = 10_000m, string currency = "USD", string hs = "85109000", decimal netMass = 500m,
        decimal? quantity = 1000m, string seal = "CN0001", string consignor = "CN123456789000") => new()
    {
        Type = "IMA",
        Consignor = new Party { Id = consignor },
        Transport = new Transport { Containers = [new Container { Id = "MSCU1234566", Seals = [seal] }] },
        Items =
        [
            new GoodsItem
            {
                Sequence = 1, HsCode = hs, NetMass = netMass, Quantity = quantity, QuantityUnit = "PCE",
                ItemPrice = new Money { Amount = value, Currency = currency },
            },
        ],
    };

    private static PartnerExport Export(decimal value = 10_000m, string currency = "USD", string hs = "851090", int items = 1) => new(
        "CN", "26CN000000000001E1", ExportedAt,
        new Declaration
        {
            Type = "EXD",
            Exporter = new Party { Id = "CN123456789000" },
            Items = [.. Enumerable.Range(1, items).Select(i => new GoodsItem
            {
                Sequence = i, HsCode = hs, NetMass = 500m, Quantity = 1000m, QuantityUnit = "PCE",
                ItemPrice = new Money { Amount = value, Currency = currency },
            })],
        },
        "container MSCU1234566");

    private static PartnerControl Control(bool findings = false, string lane = "red", string seal = "CN0001", params Lane[] recognised) => new(
        "CN",
        new ControlResultPayload
        {
            Mrn = "26CN000000000002E1", Office = "CNSHA", InspectedAt = ExportedAt, Lane = lane, Findings = findings,
            Categories = findings ? ["undervaluation"] : [],
            Containers = [new ContainerSeals { Container = "MSCU1234566", Seals = [seal] }],
        },
        "container MSCU1234566",
        recognised.Length == 0 ? [Lane.Red, Lane.Yellow] : recognised);

    private static PartnerEvidence Check(Declaration import, PartnerExport[] exports, PartnerControl[] controls, decimal? usdRate = 1.35m) =>
        PartnerChecks.Evaluate(import, null, exports, controls, c => c switch { "SGD" => 1m, "USD" => usdRate, _ => null }, "SGD", Settings);

    [Fact]
    public void AnImportValuedBelowThePartnersExportBeyondTheToleranceRaisesTheValueCheckWithTheShortfallAndTheDate()
    {
        var evidence = Check(Import(value: 5_900m), [Export()], []);

        var hit = Assert.Single(evidence.Hits);
        Assert.Equal(PartnerChecks.MirrorValue, hit.Id);
        Assert.Equal(Lane.Red, hit.MinimumLane);
        Assert.Equal([1], hit.ItemSequences);
        Assert.StartsWith("Declared value 41% below the value exported from CN on 2026-11-20", hit.Explanation, StringComparison.Ordinal);
        Assert.Contains("item 1: 5,900.00 USD declared against 10,000.00 USD exported", hit.Explanation, StringComparison.Ordinal);
        Assert.Contains("Matched CN's export 26CN000000000001E1 of 2026-11-20 by container MSCU1234566.", evidence.Notes);
    }

    [Fact]
    public void AValueWithinTheToleranceOrHigherThanExportedRaisesNothing()
    {
        Assert.Empty(Check(Import(value: 9_100m), [Export()], []).Hits);
        Assert.Empty(Check(Import(value: 12_000m), [Export()], []).Hits);
    }

    [Fact]
    public void ValuesInDifferentCurrenciesAreComparedInNationalCurrencyAtTheTariffsRate()
    {
        // 10,000 USD at 1.35 is 13,500 SGD; 8,000 SGD declared is 41% below.
        var evidence = Check(Import(value: 8_000m, currency: "SGD"), [Export()], []);

        var hit = Assert.Single(evidence.Hits);
        Assert.StartsWith("Declared value 41% below", hit.Explanation, StringComparison.Ordinal);
        Assert.Contains("item 1: 8,000.00 SGD declared against 13,500.00 SGD exported", hit.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutARateForTheExportCurrencyTheValueIsNotComparedAndTheNoteSaysWhy()
    {
        var evidence = Check(Import(value: 100m, currency: "SGD"), [Export()], [], usdRate: null);

        Assert.DoesNotContain(evidence.Hits, h => h.Id == PartnerChecks.MirrorValue);
        Assert.Contains(evidence.Notes, n => n.Contains("exchange rate for USD", StringComparison.Ordinal));
    }

    [Fact]
    public void ADifferentSubheadingQuantityMassItemCountOrConsignorRaisesItsOwnCheck()
    {
        var evidence = Check(
            Import(hs: "84713000", netMass: 400m, quantity: 800m, consignor: "HK999") with { },
            [Export(items: 2)], []);

        var ids = evidence.Hits.Select(h => h.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            new[] { PartnerChecks.MirrorConsignor, PartnerChecks.MirrorHs, PartnerChecks.MirrorItems, PartnerChecks.MirrorMass, PartnerChecks.MirrorQuantity },
            ids);
        Assert.Contains("item 1 declared under HS 847130, exported under 851090", evidence.Hits.Single(h => h.Id == PartnerChecks.MirrorHs).Explanation, StringComparison.Ordinal);
        Assert.Contains("Consignor HK999 declared", evidence.Hits.Single(h => h.Id == PartnerChecks.MirrorConsignor).Explanation, StringComparison.Ordinal);
        Assert.Null(evidence.Recognition);
    }

    [Fact]
    public void SameGoodsSameValueAndMatchingSealsAfterAControlWithoutFindingsAreRecognised()
    {
        var evidence = Check(Import(), [Export()], [Control()]);

        Assert.Empty(evidence.Hits);
        var recognition = Assert.IsType<RecognisedControl>(evidence.Recognition);
        Assert.Equal("CNSHA", recognition.Office);
        Assert.Contains("CN inspected the goods at CNSHA on 2026-11-20 without findings", recognition.Summary, StringComparison.Ordinal);
        Assert.Contains("MSCU1234566 (CN0001)", recognition.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ABrokenSealRaisesTheSealCheckAndIsNeverRecognised()
    {
        var evidence = Check(Import(seal: "XX9999"), [], [Control()]);

        var hit = Assert.Single(evidence.Hits);
        Assert.Equal(PartnerChecks.PartnerSeal, hit.Id);
        Assert.Equal(Lane.Red, hit.MinimumLane);
        Assert.Contains("MSCU1234566: CN sealed it with CN0001, this declaration states XX9999", hit.Explanation, StringComparison.Ordinal);
        Assert.Null(evidence.Recognition);
    }

    [Fact]
    public void FindingsAtExportRaiseTheFindingsCheck()
    {
        var evidence = Check(Import(), [], [Control(findings: true)]);

        Assert.Equal(PartnerChecks.PartnerFindings, Assert.Single(evidence.Hits).Id);
        Assert.Null(evidence.Recognition);
    }

    [Fact]
    public void AMirrorDiscrepancyBarsRecognitionOfAnOtherwiseCleanControl()
    {
        var evidence = Check(Import(value: 5_000m), [Export()], [Control()]);

        Assert.Equal(PartnerChecks.MirrorValue, Assert.Single(evidence.Hits).Id);
        Assert.Null(evidence.Recognition);
    }

    [Fact]
    public void ADocumentaryControlAbroadDoesNotReplaceAPhysicalOneHereAndTheNoteSaysSo()
    {
        var evidence = Check(Import(), [], [Control(lane: "yellow", recognised: [Lane.Red])]);

        Assert.Null(evidence.Recognition);
        Assert.Contains(evidence.Notes, n => n.Contains("does not replace the lanes the agreement names", StringComparison.Ordinal));
    }

    [Fact]
    public void TheEngineLowersARecognisedLaneToGreenAndSaysWhy()
    {
        var evidence = Check(Import(), [], [Control()]);
        var hits = new List<CriterionHit> { new("hs-8510-red", 1, "Shaver parts", 50m, Lane.Red, [1]) };

        var decision = Selectivity.Decide(50m, hits, Thresholds, Lanes, 0.99, partner: evidence);
        var stored = JsonSerializer.Deserialize<RiskDecision>(JsonSerializer.Serialize(decision, CriterionJson.Options), CriterionJson.Options)!;

        Assert.Equal(Lane.Green, decision.Lane);
        Assert.Equal(Lane.Red, decision.LaneBeforeRecognition);
        Assert.Contains(decision.Reasons, r => r.StartsWith("Control recognised: CN inspected the goods at CNSHA on 2026-11-20", StringComparison.Ordinal)
            && r.EndsWith("red lowered to green under the agreement with CN.", StringComparison.Ordinal));
        Assert.Equal(decision.Reasons, stored.Reasons);
        Assert.Equal(Lane.Green, stored.Lane);
    }

    [Fact]
    public void TheEngineKeepsALaneTheAgreementDoesNotRecogniseAndScoresPartnerHits()
    {
        var recognisedYellowOnly = Check(Import(), [], [Control(recognised: [Lane.Yellow])]);
        var hits = new List<CriterionHit> { new("hs-8510-red", 1, "Shaver parts", 50m, Lane.Red, [1]) };
        Assert.Equal(Lane.Red, Selectivity.Decide(50m, hits, Thresholds, Lanes, 0.99, partner: recognisedYellowOnly).Lane);

        var undervalued = Check(Import(value: 5_900m), [Export()], []);
        var engine = new RiskEngine(CriteriaSet.Create([]));
        var subject = RiskSubject.Create(Import(value: 5_900m), new DateOnly(2026, 11, 26), TraderFacts.Unknown, null, ReferencePrices.Empty, []);
        var decision = engine.Assess(subject, Thresholds, Lanes, 0.99, undervalued);

        Assert.Equal(Lane.Red, decision.Lane);
        Assert.Equal(Settings.ValueWeight, decision.Score);
        Assert.Contains(decision.Reasons, r => r.StartsWith("Matched CN's export", StringComparison.Ordinal));
        Assert.Contains(decision.Reasons, r => r.StartsWith("Declared value 41% below the value exported from CN on 2026-11-20", StringComparison.Ordinal)
            && r.EndsWith("[mirror-value, weight 100].", StringComparison.Ordinal));
    }
}
