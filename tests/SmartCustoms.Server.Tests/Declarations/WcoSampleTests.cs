using System.Net;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Declarations;

public sealed class WcoSampleTests
{
    [Theory]
    [InlineData(Samples.ImportSample, "GB603202734852", "7847767E1WB6", "assessed")]
    [InlineData(Samples.AggregatedSample, "GB603202734852", "Agg_Supp_Dec_Z", "assessed")]
    [InlineData(Samples.ExportSample, "GB427168118378", "U.7847323YIPYA", "accepted")]
    public async Task LodgesTheWcoDmsSampleDeclarations(string sample, string declarant, string lrn, string status)
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var trader = await node.TraderAsync(declarant);

        var response = await trader.PostAsync("/api/declarations", Samples.XmlContent(Samples.Xml(sample)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(lrn, body.GetProperty("lrn").GetString());
        Assert.Equal(status, body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ExportSampleCarriesTheContainerCheckDigitWarningAsAWcoPointer()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var trader = await node.TraderAsync("GB427168118378");

        var body = await (await trader.PostAsync("/api/declarations", Samples.XmlContent(Samples.Xml(Samples.ExportSample)))).JsonAsync();

        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray());
        Assert.Equal("container.check-digit", warning.GetProperty("code").GetString());
        Assert.Contains("TransportEquipment", warning.GetProperty("pointer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task XmlErrorsPointAtTheWcoElement()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var trader = await node.TraderAsync("GB603202734852");
        var xml = Samples.Xml(Samples.ImportSample).Replace("<ID>85109000</ID>", "<ID>99999999</ID>", StringComparison.Ordinal);

        var response = await trader.PostAsync("/api/declarations", Samples.XmlContent(xml));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var pointer = Assert.Single((await response.JsonAsync()).ErrorPointers());
        Assert.StartsWith("Declaration/GoodsShipment/GovernmentAgencyGoodsItem", pointer, StringComparison.Ordinal);
        Assert.EndsWith("Classification/ID", pointer, StringComparison.Ordinal);
    }
}
