using System.Text.Json;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Domain.Risk;

namespace SmartCustoms.Domain.Tests.Exchange;

public sealed class RiskAlertsTests
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 3, 10, 22, 30, 0, TimeSpan.Zero);

    private static RiskAlertPayload Alert(RiskAlertTargeting targeting) => new() { Title = "Undervalued shaver parts", Text = "Seen at our exports.", Targeting = targeting };

    [Fact]
    public void EveryKindOfTargetingProposesACriterionThatCompilesAndSurvivesItsJson()
    {
        RiskAlertTargeting[] targetings =
        [
            new() { HsCodes = ["85"] },
            new() { Origins = ["CN"] },
            new() { Parties = ["CN123456789000"] },
            new() { ExportCountries = ["HK"] },
            new() { HsCodes = ["8510", "851090"], Origins = ["CN", "VN"], Parties = ["CN123456789000"], ExportCountries = ["CN"], ValidDays = 30 },
        ];

        foreach (var targeting in targetings)
        {
            var payload = RiskAlerts.Normalise(Alert(targeting));
            Assert.Empty(RiskAlerts.Check(payload));
            var document = RiskAlerts.ProposedCriterion("CN", "0193a5b2c3d4e5f60718293a4b5c6d7e", IssuedAt, payload);
            var reread = CriterionJson.Parse(CriterionJson.Serialize(document));

            Assert.Null(reread.Refusal);
            Assert.True(CriterionCompiler.Compile(document, 1).IsValid, JsonSerializer.Serialize(CriterionCompiler.Compile(document, 1).Errors));
            Assert.True(CriterionCompiler.Compile(reread.Value, 1).IsValid);
        }
    }

    [Fact]
    public void TheProposalCombinesTheListsWithAllAndThePartiesWithAnyOfTheirRoles()
    {
        var payload = RiskAlerts.Normalise(Alert(new() { HsCodes = ["8510", "8510"], Origins = ["cn"], Parties = ["CN123456789000"], ValidDays = 30 }));

        var document = RiskAlerts.ProposedCriterion("CN", "message-1", IssuedAt, payload);

        Assert.Matches("^alert-cn-[0-9a-f]{10}$", document.Id);
        Assert.Equal(document.Id, RiskAlerts.ProposedCriterion("CN", "message-1", IssuedAt.AddDays(1), payload).Id);
        Assert.NotEqual(document.Id, RiskAlerts.ProposedCriterion("CN", "message-2", IssuedAt, payload).Id);
        Assert.Equal(RiskAlerts.DefaultWeight, document.Weight);
        Assert.Equal(new DateOnly(2026, 4, 9), document.ValidTo);
        Assert.Equal("Alert from CN: Undervalued shaver parts", document.Name);
        var all = document.When!.All!;
        Assert.Equal(["hsCode", "origin", null], all.Select(c => c.Field));
        Assert.Equal(["8510"], all[0].Values!.Select(v => v.GetString()));
        Assert.Equal(["CN"], all[1].Values!.Select(v => v.GetString()));
        Assert.Equal(["declarant.id", "importer.id", "exporter.id", "consignor.id"], all[2].Any!.Select(c => c.Field));
    }

    [Fact]
    public void FaultsPointAtTheirField()
    {
        var payload = RiskAlerts.Normalise(new RiskAlertPayload
        {
            Title = " ",
            Text = new string('x', RiskAlerts.MaxTextLength + 1),
            Targeting = new() { HsCodes = ["85", "8A10", "8", "85101000001"], Origins = ["CN", "XX"], Parties = ["has space"], ExportCountries = ["ZZ"], ValidDays = 0 },
        });

        var issues = RiskAlerts.Check(payload);

        Assert.Equal(
            ["/title", "/text", "/targeting/hsCodes/1", "/targeting/hsCodes/2", "/targeting/hsCodes/3", "/targeting/origins/1", "/targeting/parties/0",
             "/targeting/exportCountries/0", "/targeting/validDays"],
            issues.Select(i => i.Pointer));
        Assert.Equal(["targeting.empty"], RiskAlerts.Check(Alert(new() { HsCodes = [], Origins = [] })).Select(i => i.Code));
        Assert.Equal(["/targeting"], RiskAlerts.Check(Alert(null!)).Select(i => i.Pointer));
    }
}
