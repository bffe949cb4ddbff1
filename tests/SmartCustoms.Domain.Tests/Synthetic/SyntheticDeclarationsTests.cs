using System.Text;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.ReferenceData;
using SmartCustoms.Domain.Synthetic;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Domain.Tests.Synthetic;

public sealed class SyntheticDeclarationsTests
{
    [Fact]
    public void TheSameSeedGivesTheSameDeclarationsAndLabels()
    {
        var options = new SyntheticOptions { Count = 500, Seed = 7 };

        var first = SyntheticDeclarations.Generate(options).Select(Line).ToList();
        var second = SyntheticDeclarations.Generate(options).Select(Line).ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void AnotherSeedGivesOtherDeclarations()
    {
        var first = SyntheticDeclarations.Generate(new SyntheticOptions { Count = 50, Seed = 1 }).Select(Line);
        var second = SyntheticDeclarations.Generate(new SyntheticOptions { Count = 50, Seed = 2 }).Select(Line);

        Assert.Empty(first.Intersect(second));
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("GB")]
    public void EveryDeclarationPassesTheNodesChecksWithAtMostAContainerCheckDigitWarning(string country)
    {
        var options = new SyntheticOptions { Count = 5_000, Seed = 11, Country = country };
        var context = GeneratedSample.Context;

        var results = SyntheticDeclarations.Generate(options)
            .Select(g => (g.Declaration.Lrn, Result: DeclarationCheck.Run(g.Declaration, context, GeneratedSample.Tariff)))
            .ToList();

        var rejected = results.Where(r => !r.Result.IsAccepted).Select(r => $"{r.Lrn}: {string.Join("; ", r.Result.Errors)}");
        Assert.Empty(rejected);
        Assert.All(results.SelectMany(r => r.Result.Warnings), w => Assert.Equal("container.check-digit", w.Code));
    }

    [Theory]
    [InlineData("CN")]
    [InlineData("US")]
    [InlineData("VN")]
    public void ACountryNeverTradesWithItself(string country)
    {
        var declarations = SyntheticDeclarations.Generate(new SyntheticOptions { Count = 3_000, Seed = 4, Country = country, FraudShare = 0.2 })
            .Select(g => g.Declaration).ToList();

        Assert.All(declarations.Where(d => d.IsImport), d =>
        {
            Assert.NotEqual(country, d.ExportCountry);
            Assert.DoesNotContain(d.Items, i => i.Origin == country);
        });
        Assert.All(declarations.Where(d => d.IsExport), d => Assert.NotEqual(country, d.DestinationCountry));
    }

    [Fact]
    public void AboutOneContainerInAHundredCarriesAWrongCheckDigit()
    {
        var containers = GeneratedSample.All.SelectMany(g => g.Declaration.Transport!.Containers).ToList();

        var wrong = containers.Count(c => ContainerNumber.Check(c.Id) == ContainerNumberCheck.WrongCheckDigit);

        Assert.All(containers, c => Assert.NotEqual(ContainerNumberCheck.NotIso6346, ContainerNumber.Check(c.Id)));
        Assert.InRange(wrong / (double)containers.Count, 0.005, 0.02);
    }

    [Fact]
    public void LrnsAreUniqueWithinAFile()
    {
        var lrns = GeneratedSample.All.Select(g => g.Declaration.Lrn).ToList();

        Assert.Equal(lrns.Count, lrns.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void DeclarationsComeInIssueOrderWithinThePeriodAndCarryTheirDate()
    {
        var options = GeneratedSample.Options;
        var all = GeneratedSample.All;

        Assert.Equal(options.Start, all[0].Date);
        Assert.Equal(options.Start.AddDays(options.Days - 1), all[^1].Date);
        Assert.All(all, g => Assert.Equal(g.Date, DateOnly.FromDateTime(g.Declaration.IssueDateTime!.Value.UtcDateTime)));
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Declaration.IssueDateTime <= p.Second.Declaration.IssueDateTime));
    }

    [Fact]
    public void EachLineParsesBackAsTheSameDeclaration()
    {
        foreach (var generated in GeneratedSample.All.Take(2_000))
        {
            var line = DeclarationJson.Serialize(generated.Declaration);

            var document = DeclarationDocument.Read(Encoding.UTF8.GetBytes(line), DeclarationFormat.Json);

            Assert.Empty(document.Issues);
            Assert.DoesNotContain('\n', line);
            Assert.Equal(line, DeclarationJson.Serialize(document.Declaration!));
        }
    }

    [Fact]
    public void StreamsWithoutGeneratingAheadOfTheReader()
    {
        var endless = SyntheticDeclarations.Generate(new SyntheticOptions { Count = int.MaxValue });

        var firstTen = endless.Take(10).ToList();

        Assert.Equal(10, firstTen.Count);
    }

    [Theory]
    [InlineData(0, 0.05, 90)]
    [InlineData(10, 1.5, 90)]
    [InlineData(10, 0.05, 0)]
    public void RefusesOptionsThatCannotBeMetWhenCalled(int count, double fraudShare, int days)
    {
        var options = new SyntheticOptions { Count = count, FraudShare = fraudShare, Days = days };

        Assert.Single(options.Problems());
        Assert.Throws<ArgumentException>(() => SyntheticDeclarations.Generate(options));
    }

    private static string Line(GeneratedDeclaration g) => $"{DeclarationJson.Serialize(g.Declaration)} {g.FraudPattern} {g.Date}";
}
