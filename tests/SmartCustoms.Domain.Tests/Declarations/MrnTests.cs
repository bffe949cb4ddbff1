using SmartCustoms.Domain.Declarations;

namespace SmartCustoms.Domain.Tests.Declarations;

public class MrnTests
{
    private static readonly DateTimeOffset AcceptedAt = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private const string Alphanumerics = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    [Fact]
    public void CreatesEighteenAlphanumericsStartingWithYearAndCountry()
    {
        var mrn = Mrn.Create(AcceptedAt, "GB", 1, "IMA");

        Assert.Equal(18, mrn.Length);
        Assert.StartsWith("26GB", mrn, StringComparison.Ordinal);
        Assert.All(mrn, c => Assert.Contains(c, Alphanumerics));
        Assert.True(Mrn.IsValid(mrn), mrn);
    }

    [Fact]
    public void TakesTheYearInUtcAndUpperCasesTheCountry() =>
        Assert.StartsWith("27NL", Mrn.Create(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.FromHours(-5)), "nl", 1, "IMA"), StringComparison.Ordinal);

    [Theory]
    [InlineData("EXD", 'A')]
    [InlineData("EXA", 'A')]
    [InlineData("IMA", 'R')]
    [InlineData("IMZ", 'R')]
    [InlineData("COA", 'V')]
    [InlineData(null, 'R')]
    public void MarksTheProcedureInTheSeventeenthCharacter(string? type, char letter) =>
        Assert.Equal(letter, Mrn.Create(AcceptedAt, "GB", 42, type)[16]);

    [Fact]
    public void RefusesEveryOtherCheckCharacter()
    {
        var mrn = Mrn.Create(AcceptedAt, "GB", 12345, "IMA");

        var others = Alphanumerics.Where(c => c != mrn[17]).Select(c => mrn[..17] + c);

        Assert.All(others, wrong => Assert.False(Mrn.IsValid(wrong), wrong));
    }

    [Theory]
    [InlineData(0, '5')]
    [InlineData(2, 'F')]
    [InlineData(3, 'R')]
    [InlineData(16, 'A')]
    public void RefusesAnMrnWithOneCharacterChanged(int position, char replacement)
    {
        var mrn = Mrn.Create(AcceptedAt, "GB", 7, "IMA");
        var changed = string.Concat(mrn.AsSpan(0, position), replacement.ToString(), mrn.AsSpan(position + 1));

        Assert.NotEqual(mrn, changed);
        Assert.False(Mrn.IsValid(changed), changed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void RefusesAnMrnWithTwoNeighboursSwapped(int position)
    {
        var mrn = Mrn.Create(AcceptedAt, "GB", 7, "IMA");
        var swapped = string.Concat(mrn.AsSpan(0, position), $"{mrn[position + 1]}{mrn[position]}", mrn.AsSpan(position + 2));

        Assert.NotEqual(mrn, swapped);
        Assert.False(Mrn.IsValid(swapped), swapped);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("26GB")]
    [InlineData("26GBLR1L8USKA96LR2X")]
    [InlineData("26gblr1l8uska96lr2")]
    [InlineData("26GB-R1L8USKA96LR2")]
    public void RefusesTextThatIsNotAnMrn(string? text) =>
        Assert.False(Mrn.IsValid(text));

    [Fact]
    public void GivesDistinctMrnsToOneHundredThousandConsecutiveSequences()
    {
        var mrns = new HashSet<string>(StringComparer.Ordinal);
        for (long sequence = 1; sequence <= 100_000; sequence++)
        {
            mrns.Add(Mrn.Create(AcceptedAt, "GB", sequence, "IMA"));
        }

        Assert.Equal(100_000, mrns.Count);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(long.MaxValue / 1000)]
    [InlineData(4_738_381_338_321_616_895L)]
    [InlineData(long.MaxValue)]
    public void CreatesAValidMrnForAnySequence(long sequence)
    {
        var mrn = Mrn.Create(AcceptedAt, "GB", sequence, "EXD");

        Assert.Equal(18, mrn.Length);
        Assert.All(mrn, c => Assert.Contains(c, Alphanumerics));
        Assert.True(Mrn.IsValid(mrn), mrn);
    }

    [Theory]
    [InlineData("")]
    [InlineData("G")]
    [InlineData("GBR")]
    [InlineData("G1")]
    [InlineData("12")]
    [InlineData("!!")]
    [InlineData("ÉS")]
    public void RefusesACountryThatIsNotTwoLetters(string code) =>
        Assert.Throws<ArgumentException>("country", () => Mrn.Create(AcceptedAt, code, 1, "IMA"));

    [Fact]
    public void RefusesANegativeSequence() =>
        Assert.Throws<ArgumentOutOfRangeException>("sequence", () => Mrn.Create(AcceptedAt, "GB", -1, "IMA"));
}
