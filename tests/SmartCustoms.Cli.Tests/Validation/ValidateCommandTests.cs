using SmartCustoms.Cli.Tests.Declarations;

namespace SmartCustoms.Cli.Tests.Validation;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AcceptsAValidJsonImportAndShowsTheDutiesOwed()
    {
        var file = _folder.Write("import.json", DeclarationSamples.ValidImportJson);

        var run = await CliRun.StartAsync("validate", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"{file}: OK", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"duty \d+\.\d\d \+ VAT \d+\.\d\d = \d+\.\d\d EUR", run.Output);
    }

    [Fact]
    public async Task RejectsAnUnknownCommodityCodeNamingItsPointerAndCode()
    {
        var file = _folder.Write("import.json", DeclarationSamples.UnknownHsCodeJson);

        var run = await CliRun.StartAsync("validate", file);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"{file}: INVALID", run.Output, StringComparison.Ordinal);
        Assert.Contains("/items/0/hsCode  hs.unknown", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptsTheWcoSampleImport()
    {
        var run = await CliRun.StartAsync("validate", DeclarationSamples.WcoImportXmlPath);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Step1_TT_IM001a.xml: OK", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PointsAtXmlErrorsInTheWcoStructureTheTraderWrote()
    {
        var xml = File.ReadAllText(DeclarationSamples.WcoImportXmlPath).Replace("<ID>85109000</ID>", "<ID>99999900</ID>", StringComparison.Ordinal);
        var file = _folder.Write("import.xml", xml);

        var run = await CliRun.StartAsync("validate", file);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches(@"Declaration/GoodsShipment/GovernmentAgencyGoodsItem\S*  hs.unknown", run.Output);
        Assert.DoesNotContain("/items/0/hsCode", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExitsTwoWithAMessageWhenAFileIsMissingButStillChecksTheOthers()
    {
        var valid = _folder.Write("import.json", DeclarationSamples.ValidImportJson);
        var missing = Path.Combine(_folder.Path, "nowhere.json");

        var run = await CliRun.StartAsync("validate", missing, valid);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"{missing}: no such file", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{valid}: OK", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssessesDutiesWithTheTariffGivenInsteadOfTheDemoOne()
    {
        var file = _folder.Write("import.json", DeclarationSamples.ValidImportJson);
        var tariff = _folder.Write("tariff.json", """
            { "name": "Flat test tariff", "currency": "EUR", "defaultDutyRate": 10, "defaultVatRate": 0, "lines": [] }
            """);

        var run = await CliRun.StartAsync("validate", "--tariff", tariff, file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("duty 100.00 + VAT 0.00 = 100.00 EUR", run.Output, StringComparison.Ordinal);
        Assert.Contains("Flat test tariff", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAContainerWithAWrongCheckDigitOnlyWhenAskedToBeStrict()
    {
        var json = DeclarationSamples.ValidImportJson.Replace(
            "\"goodsItemQuantity\"", "\"transport\": { \"containerised\": true, \"containers\": [ { \"id\": \"CONU1234567\" } ] }, \"goodsItemQuantity\"",
            StringComparison.Ordinal);
        var file = _folder.Write("containerised.json", json);

        var lenient = await CliRun.StartAsync("validate", file);
        var strict = await CliRun.StartAsync("validate", "--strict-containers", file);

        Assert.True(lenient.ExitCode == 0, lenient.ToString());
        Assert.Contains("warning  /transport/containers/0/id", lenient.Output, StringComparison.Ordinal);
        Assert.True(strict.ExitCode == 1, strict.ToString());
        Assert.Contains("/transport/containers/0/id  container.check-digit", strict.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExitsTwoWhenNoFileIsGiven()
    {
        var run = await CliRun.StartAsync("validate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("validate --help", run.Error, StringComparison.Ordinal);
    }
}
