using SmartCustoms.Domain.Edifact;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.ReferenceData;

namespace SmartCustoms.Domain.Tests.Edifact;

public sealed class EdifactSampleTests
{
    public static TheoryData<string> Samples => [.. EdifactSamples.All];

    [Fact]
    public void EverySampleIsKeptBesideTheTests()
    {
        Assert.Equal(14, EdifactSamples.All.Count);
        foreach (var folder in Directory.EnumerateDirectories(EdifactSamples.Folder))
        {
            Assert.True(File.Exists(Path.Combine(folder, "NOTICE.md")) || Directory.EnumerateFiles(folder, "LICENSE*").Any(), folder);
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void EverySampleGivesAnOutcomeWhoseIssuesNameTheirSegment(string name)
    {
        var outcome = EdifactSamples.Read(name);

        var issues = outcome.Succeeded ? outcome.Value.Warnings : outcome.Refusal.Issues;
        Assert.All(issues, i => Assert.Matches(EdifactFuzzTests.PointerPattern, i.Pointer));
        Assert.All(issues, i => Assert.NotNull(i.Line));
    }

    [Fact]
    public void TheCoprarWhoseUntCountIsWrongIsRefusedNamingTheUntAndBothCounts()
    {
        var issues = EdifactSamples.Refused("coprar/d95b_coprar.edi");

        var error = Assert.Single(issues, i => i.Severity == IssueSeverity.Error);
        Assert.Equal(EdifactIssues.MessageSegmentCount, error.Code);
        Assert.Equal("segment 29 (UNT) element 1, line 29, byte 648", error.Pointer);
        Assert.Equal(29, error.Line);
        Assert.StartsWith("UNT says 56 segments; there are 29 from UNH at segment 1 (UNH)", error.Message, StringComparison.Ordinal);
        Assert.Contains(issues, i => i.Code == EdifactIssues.NoInterchangeHeader && i.Severity == IssueSeverity.Warning);
    }

    [Fact]
    public void TheCoprarReadWithCountsAsWarningsListsItsContainersAndItsDefects()
    {
        var interchange = EdifactSamples.Accepted("coprar/d95b_coprar.edi", EdifactOptions.Default with { ControlMismatch = IssueSeverity.Warning });

        var report = ContainerReport.Read(Assert.Single(interchange.Messages));
        Assert.Equal("COPRAR", report.MessageType);
        Assert.Equal("HELLO WORLD", report.Vessel?.Name);
        Assert.Equal(2, report.Containers.Count);
        var box = report.Containers[0];
        Assert.Equal(("MSTI6415664", "45G1", "6", true, "2GO2005174", 11740m, 11740m, "PLASTICS:ARTICLES", "INNSA"),
            (box.Number, box.SizeType, box.Status, box.Full, box.Booking, box.GrossKg, box.VerifiedGrossKg, box.Goods, box.DischargePort));
        Assert.Equal(ContainerNumberCheck.NotIso6346, box.Check);
        Assert.Contains(report.Warnings, w => w.Code == EdifactIssues.ControlTotal && w.Message.Contains("says 5 containers; the message has 2", StringComparison.Ordinal));
        Assert.Contains(report.Warnings, w => w.Code == EdifactIssues.ContainerNumber && w.Pointer.StartsWith("segment 10 (EQD) element 2", StringComparison.Ordinal));
    }

    [Fact]
    public void TheCodecoGivesItsGateInContainerWithSealPlateAndWeight()
    {
        var interchange = EdifactSamples.Accepted("codeco/codeco_eshuv_extracted.edi");

        Assert.Equal(("UNOA", "1", "ESHUV", "PA", "174749339"),
            (interchange.Syntax?.Identifier, interchange.Syntax?.Version, interchange.Sender?.Id, interchange.Recipient?.Id, interchange.ControlReference));
        var report = ContainerReport.Read(Assert.Single(interchange.Messages));
        var box = Assert.Single(report.Containers);
        Assert.Equal(("34", "9", "TESI1120274", "4EG1", "2", true, "993NGR", 27000.0m, "ESHUV", "ESFUE"),
            (report.DocumentCode, report.Function, box.Number, box.SizeType, box.Status, box.Full, box.TruckPlate, box.VerifiedGrossKg, box.LoadPort, box.DischargePort));
        Assert.Equal([new ContainerSeal("88200", "SH")], box.Seals);
        Assert.Equal(ContainerNumberCheck.NotIso6346, box.Check);
        Assert.DoesNotContain(report.Warnings, w => w.Code == EdifactIssues.ControlTotal);
    }

    [Fact]
    public void TheBayPlanListsThreeValidContainersInTheirCells()
    {
        var interchange = EdifactSamples.Accepted("baplie/D95BBAPLIE.edi");

        var plan = BayPlan.Read(Assert.Single(interchange.Messages));
        Assert.Equal(("OOCL BEIJING", "VRIB3", "call sign", "USLGB"), (plan.Vessel?.Name, plan.Vessel?.Id, plan.Vessel?.IdKind, plan.DeparturePort));
        Assert.Equal(
            [("0780690", "OOLU4293959", 3833m, false), ("0060886", "MOEU0710945", 3983m, false), ("0100114", "OOLU8757889", 26000m, true)],
            plan.Containers.Select(c => (c.Cell, c.Number, c.WeightKg ?? 0, c.Full ?? false)));
        Assert.All(plan.Containers, c => Assert.Equal(ContainerNumberCheck.Valid, c.Check));
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void ThePlaceholderBayPlanReadsItsSizeTypeFromTheFreeTextComponent()
    {
        var plan = BayPlan.Read(Assert.Single(EdifactSamples.Accepted("baplie/d04b_baplie.edi").Messages));

        var box = Assert.Single(plan.Containers);
        Assert.Equal(("0050302", "CONTAINER", "2210", 23000m, true), (box.Cell, box.Number, box.SizeType, box.WeightKg, box.Full));
        Assert.Equal(ContainerNumberCheck.NotIso6346, box.Check);
    }

    [Fact]
    public void TheCargoReportGivesConsignmentsPartiesAndGoodsWithReleasedColons()
    {
        var interchange = EdifactSamples.Accepted("cuscar/edifact.D95B.CUSCAR.EDI", EdifactOptions.Default with { ControlMismatch = IssueSeverity.Warning });

        var message = Assert.Single(interchange.Messages);
        Assert.Equal("", message.Type);
        var report = CargoReport.Read(message);
        Assert.Equal(2, report.Consignments.Count);
        var first = report.Consignments[0];
        Assert.Equal(("MSCUXP080935", "IEDUB", "EGEDK"), (first.TransportDocument, first.LoadPort, first.DischargePort));
        Assert.StartsWith("LAKELAND DAIRIES,, BAILIEBORO", first.Consignor, StringComparison.Ordinal);
        Assert.Equal(["FCIU5956299", "TCLU5546482", "TGCU0235724"], first.Items.SelectMany(i => i.Containers));
        Assert.Contains("NO OF BAGS:1440", first.Items[0].Description, StringComparison.Ordinal);
        Assert.Equal(2000m, first.Items[1].GrossKg);
    }

    [Theory]
    [InlineData("cuscar/edifact.D01B.IFCSUM.EDI", "segment 28 (UNT) element 1", "UNT says 787 segments; there are 27")]
    [InlineData("paxlst/Test1.txt", "(UNT) element 1", "UNT says 152 segments; there are 107")]
    [InlineData("pnrgov/pnr1.txt", "(UNT) element 1", "UNT says 135 segments; there are 86")]
    [InlineData("pnrgov/pnrMessageExample.txt", "(UNT) element 2", "UNT must repeat the message reference \"1\" of its UNH; it gives none")]
    [InlineData("cuscar/edifact.D95B.CUSCAR.EDI", "segment 53 (UNT) element 1", "UNT says 53 segments; there are 52")]
    public void SamplesThatMiscountAreRefusedWithTheTrailerNamed(string name, string pointer, string message)
    {
        var issues = EdifactSamples.Refused(name);

        Assert.Contains(issues, i => i.Pointer.Contains(pointer, StringComparison.Ordinal) && i.Message.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void APassengerListWithItsOwnUnaAndFunctionalGroupReadsWhenCountsAreWarnings()
    {
        var interchange = EdifactSamples.Accepted("paxlst/Test3.txt", EdifactOptions.Default with { ControlMismatch = IssueSeverity.Warning });

        var message = Assert.Single(interchange.Messages);
        Assert.Equal(("PAXLST", "D", "02B", "UN", "IATA"), (message.Type, message.Version, message.Release, message.Agency, message.Association));
        Assert.Equal(260, message.Body.All("NAD", "FL").Count());
        Assert.Contains(interchange.Warnings, w => w.Code == EdifactIssues.Charset);
        Assert.Contains(interchange.Warnings, w => w.Code == EdifactIssues.MessageSegmentCount && w.Message.Contains("there are 3131", StringComparison.Ordinal));
    }

    [Fact]
    public void APnrWithLineBreaksInsideValuesKeepsTheValueWhole()
    {
        var interchange = EdifactSamples.Accepted("pnrgov/2_pnrs_basic.edi", EdifactOptions.Default with { ControlMismatch = IssueSeverity.Warning });

        var message = Assert.Single(interchange.Messages);
        Assert.Equal(new EdifactSeparators(':', '+', '.', '?', '*', '\''), interchange.Separators);
        Assert.Contains(message.Body.All("ADD"), a => a.Value(1, 1) == "45 HIGHSTREET");
    }

    [Fact]
    public void AUnaWhoseTerminatorIsNotOneByteIsRefusedAtTheUna()
    {
        var issue = Assert.Single(EdifactSamples.Refused("pnrgov/infant.edi"));

        Assert.Equal(EdifactIssues.ServiceStringAdvice, issue.Code);
        Assert.Equal("segment 0 (UNA), line 1, byte 0", issue.Pointer);
    }
}
