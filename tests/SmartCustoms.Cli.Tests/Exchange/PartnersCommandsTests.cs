using System.Security.Cryptography;
using System.Text.Json;
using SmartCustoms.Domain.Exchange;

namespace SmartCustoms.Cli.Tests.Exchange;

public sealed class PartnersCommandsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AddsAPartnerFromItsCardAndAgreementFilesThatTheListShows()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var jwk = Jwk.FromKey(key, DateTimeOffset.UtcNow, null);
        var card = Write("card.json", new NodeCard { NodeId = "SG", Country = "SG", BaseUrl = "https://customs.example.sg", Keys = [jwk] });
        var agreement = Write("agreement.json", new Agreement { WeSend = ["export-data"], SharedFields = ["items.hsCode", "transport.containers"] });

        var added = await CliRun.StartAsync("partners", "add", "--card", card, "--agreement", agreement, "--data-dir", _folder.Path);
        var listed = await CliRun.StartAsync("partners", "list", "--data-dir", _folder.Path);

        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Contains("Registered partner SG (SG) at https://customs.example.sg with 1 key(s).", added.Output, StringComparison.Ordinal);
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Matches(@"SG\s*│\s*https://customs\.example\.sg\s*│\s*export-data\s*│\s*│\s*items\.hsCode, transport\.containers", listed.Output);
        Assert.Contains(jwk.Kid!, listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesFaultyFilesNamingTheFileAndFieldAndStoresNothing()
    {
        var card = Write("card.json", new NodeCard { NodeId = "SG", Country = "SG", BaseUrl = "https://customs.example.sg" });
        var agreement = Write("agreement.json", new Agreement { WeSend = ["export-data"], SharedFields = ["exporter.shoeSize"] });

        var refused = await CliRun.StartAsync("partners", "add", "--card", card, "--agreement", agreement, "--data-dir", _folder.Path);
        var listed = await CliRun.StartAsync("partners", "list", "--data-dir", _folder.Path);

        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains($"{card} /keys: The card lists at least one public key.", refused.Error, StringComparison.Ordinal);
        Assert.Contains($"{agreement} /sharedFields/0: 'exporter.shoeSize' is not a field", refused.Error, StringComparison.Ordinal);
        Assert.Contains("No partners yet", listed.Output, StringComparison.Ordinal);
    }

    private string Write<T>(string name, T value) => _folder.Write(name, JsonSerializer.Serialize(value, ExchangeJson.Options));
}
