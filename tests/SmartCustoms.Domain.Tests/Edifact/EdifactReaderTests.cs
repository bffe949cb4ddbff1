using System.Text;
using SmartCustoms.Domain.Edifact;
using SmartCustoms.Domain.Outcomes;

namespace SmartCustoms.Domain.Tests.Edifact;

public sealed class EdifactReaderTests
{
    private static Outcome<EdifactInterchange> Read(string text, EdifactOptions? options = null) => EdifactReader.Read(Encoding.UTF8.GetBytes(text), options);

    private const string TwoMessages =
        "UNB+UNOC:3+SENDER:ZZ+RECIPIENT:ZZ+261202:1200+IC7'\n" +
        "UNH+1+CODECO:D:95B:UN'\nBGM+34+A1+9'\nUNT+3+1'\n" +
        "UNH+2+CODECO:D:95B:UN'\nBGM+36+A2+9'\nEQD+CN+MSKU9070323+45G1'\nUNT+4+2'\n" +
        "UNZ+2+IC7'\n";

    [Fact]
    public void ReadsEveryMessageOfAnInterchangeWithItsEnvelope()
    {
        var interchange = Read(TwoMessages).Value;

        Assert.Equal(["1", "2"], interchange.Messages.Select(m => m.Reference));
        Assert.Equal(("UNOC", "3", "SENDER", "ZZ", "261202:1200", "IC7"),
            (interchange.Syntax?.Identifier, interchange.Syntax?.Version, interchange.Sender?.Id, interchange.Sender?.Qualifier, interchange.Prepared, interchange.ControlReference));
        Assert.Equal("MSKU9070323", interchange.Messages[1].Body.First("EQD")?.Value(1));
        Assert.Equal(new EdifactPosition(7, 7, 1, 132), interchange.Messages[1].Body[1].Position);
        Assert.Empty(interchange.Warnings);
    }

    [Fact]
    public void AWrongInterchangeCountNamesTheUnzAndBothNumbers()
    {
        var issue = Assert.Single(Read(TwoMessages.Replace("UNZ+2+IC7", "UNZ+3+IC7", StringComparison.Ordinal)).Refusal!.Issues);

        Assert.Equal(EdifactIssues.InterchangeCount, issue.Code);
        Assert.Equal("UNZ says 3 messages; there are 2 in the interchange.", issue.Message);
        Assert.Equal("segment 9 (UNZ) element 1, line 9, byte 166", issue.Pointer);
    }

    [Fact]
    public void AMissingUntIsNamedAtTheSegmentThatFollows()
    {
        var issues = Read(TwoMessages.Replace("UNT+3+1'\n", "", StringComparison.Ordinal)).Refusal!.Issues;

        var issue = Assert.Single(issues, i => i.Code == EdifactIssues.MessageTrailerMissing);
        Assert.StartsWith("segment 4 (UNH)", issue.Pointer, StringComparison.Ordinal);
        Assert.Contains("starts at segment 2 (UNH), line 2", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnocValuesAreDecodedAsLatin1AndUnowAsUtf8()
    {
        var latin1 = Encoding.Latin1.GetBytes("UNB+UNOC:3+S+R+261202:1200+1'UNH+1+CUSCAR:D:95B:UN'NAD+CN++Société Générale'UNT+3+1'UNZ+1+1'");
        var utf8 = Encoding.UTF8.GetBytes("UNB+UNOW:4+S+R+261202:1200+1'UNH+1+CUSCAR:D:95B:UN'NAD+CN++Société Générale 中国'UNT+3+1'UNZ+1+1'");

        Assert.Equal("Société Générale", EdifactReader.Read(latin1).Value.Messages[0].Body[0].Value(2));
        Assert.Equal("Société Générale 中国", EdifactReader.Read(utf8).Value.Messages[0].Body[0].Value(2));
    }

    [Fact]
    public void InvalidUtf8UnderUnowIsReadAsLatin1AndReportedWithItsSegment()
    {
        byte[] input = [.. "UNB+UNOW:4+S+R+261202:1200+1'UNH+1+X:D:95B:UN'FTX+AAA+++"u8, 0xC3, 0x28, .. "'UNT+3+1'UNZ+1+1'"u8];

        var interchange = EdifactReader.Read(input).Value;

        var warning = Assert.Single(interchange.Warnings);
        Assert.Equal(EdifactIssues.Charset, warning.Code);
        Assert.StartsWith("segment 3 (FTX)", warning.Pointer, StringComparison.Ordinal);
    }

    [Fact]
    public void SyntaxVersion4WithoutUnaRepeatsElementsWithTheAsterisk()
    {
        var segment = Read("UNB+UNOA:4+S+R+261202:1200+1'UNH+1+X:D:95B:UN'SEL+A1*B2:CU'UNT+3+1'UNZ+1+1'").Value.Messages[0].Body[0];

        Assert.Equal([["A1"], ["B2", "CU"]], segment.Element(0).Repetitions);
    }

    [Fact]
    public void TheReleaseCharacterKeepsSeparatorsInAValue()
    {
        var ftx = Read("UNA:+.? 'UNH+1+X:D:95B:UN'FTX+AAA+++A?:B?+C?'D??E'UNT+3+1'").Value.Messages[0].Body[0];

        Assert.Equal("A:B+C'D?E", ftx.Value(3));
    }

    [Theory]
    [InlineData("UNA:+.", EdifactIssues.ServiceStringAdvice)]
    [InlineData("UNA::.? 'UNH+1+X'", EdifactIssues.ServiceStringAdvice)]
    [InlineData("UNAA+.? 'UNH+1+X'", EdifactIssues.ServiceStringAdvice)]
    [InlineData("UNH+1+X:D:95B:UN'BGM+1", EdifactIssues.Unterminated)]
    [InlineData("UNH+1+X:D:95B:UN'bgm+1'UNT+3+1'", EdifactIssues.SegmentTag)]
    [InlineData("UNH+1+X:D:95B:UN'FTX+?", EdifactIssues.Unterminated)]
    [InlineData("BGM+1'", EdifactIssues.OutsideMessage)]
    [InlineData("UNB+UNOA:3+S+R+1:1+9'UNH+1+X:D:95B:UN'UNT+2+1'", EdifactIssues.InterchangeTrailerMissing)]
    [InlineData("UNB+UNOA:3+S+R+1:1+9'UNH+1+X:D:95B:UN'UNT+2+1'UNZ+1+9'UNH+2+X'", EdifactIssues.AfterInterchange)]
    [InlineData("UNH+1+X:D:95B:UN'UNT+2+7'", EdifactIssues.MessageReference)]
    [InlineData("UNH+1+X:D:95B:UN'UNT+two+1'", EdifactIssues.MessageSegmentCount)]
    [InlineData("UNB+UNOA:3+S+R+1:1+9'UNZ+0+9'", EdifactIssues.Empty)]
    [InlineData("  \r\n ", EdifactIssues.Empty)]
    public void MalformedInterchangesAreRefusedWithTheirFault(string text, string code)
    {
        var outcome = Read(text);

        Assert.False(outcome.Succeeded);
        Assert.Contains(outcome.Refusal.Issues, i => i.Code == code);
    }

    [Fact]
    public void LimitsRefuseHostileSizesNamingTheSegment()
    {
        var longValue = Read("UNH+1+X:D:95B:UN'FTX+AAA+++" + new string('A', 100) + "'UNT+3+1'", EdifactOptions.Default with { MaxValueLength = 50 });
        var manySegments = Read("UNH+1+X:D:95B:UN'" + string.Concat(Enumerable.Repeat("FTX+A'", 20)) + "UNT+22+1'", EdifactOptions.Default with { MaxSegments = 10 });
        var manyElements = Read("UNH+1+X:D:95B:UN'FTX" + new string('+', 40) + "'UNT+3+1'", EdifactOptions.Default with { MaxElements = 30 });
        var tooLarge = Read(TwoMessages, EdifactOptions.Default with { MaxBytes = 100 });

        Assert.Equal("segment 2 (FTX) element 4, line 1, byte 17", Assert.Single(longValue.Refusal!.Issues, i => i.Code == EdifactIssues.TooLarge).Pointer);
        Assert.StartsWith("segment 11 (?)", Assert.Single(manySegments.Refusal!.Issues, i => i.Code == EdifactIssues.TooManySegments).Pointer, StringComparison.Ordinal);
        Assert.StartsWith("segment 2 (FTX)", Assert.Single(manyElements.Refusal!.Issues).Pointer, StringComparison.Ordinal);
        Assert.Equal(RefusalKind.TooLarge, tooLarge.Refusal!.Kind);
    }

    [Fact]
    public void CountMismatchesCanBeWarningsForSendersKnownToMiscount()
    {
        var outcome = Read("UNH+1+X:D:95B:UN'BGM+1'UNT+9+1'", EdifactOptions.Default with { ControlMismatch = IssueSeverity.Warning });

        Assert.True(outcome.Succeeded);
        Assert.Contains(outcome.Value.Warnings, w => w.Code == EdifactIssues.MessageSegmentCount && w.Message == "UNT says 9 segments; there are 3 from UNH at segment 1 (UNH), line 1, byte 0 to UNT.");
    }
}
