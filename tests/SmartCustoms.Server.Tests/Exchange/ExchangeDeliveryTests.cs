using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Exchange;

/// <summary>
/// Two nodes, CN (exporting) and SG (importing), paired under an agreement; CN's deliveries reach SG through
/// <see cref="LoopbackRouter"/>. An export lodged at CN must reach SG exactly once, with only the agreed fields.
/// </summary>
public sealed class ExchangeDeliveryTests
{
    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AnExportToAPartnerIsDeliveredOnceWithOnlyTheAgreedFieldsAndASignedReceipt(string provider)
    {
        await using var nodes = await PairedNodes.StartAsync(provider);
        var (cn, sg, trader) = (nodes.Cn, nodes.Sg, nodes.Exporter);

        var lodged = await trader.PostAsJsonAsync("/api/declarations", ExchangeSamples.Export("MSCU1234566"));
        var mrn = (await lodged.JsonAsync()).GetProperty("mrn").GetString();
        var sent = await ExchangeSamples.EventuallyAsync(() => cn.MessagesAsync("out"), m => m.Length == 1 && Status(m[0]) == "delivered", "delivered");
        using var officer = await sg.OfficerAsync();
        var found = await officer.GetFromJsonAsync<JsonElement[]>("/api/exchange/export-data?container=mscu1234566");
        var received = await sg.MessagesAsync("in");

        Assert.Equal(HttpStatusCode.Created, lodged.StatusCode);
        Assert.Equal("export-data", sent[0].GetProperty("type").GetString());
        Assert.Equal("SG", sent[0].GetProperty("partner").GetString());
        Assert.Single(received);
        Assert.Equal(sent[0].GetProperty("id").GetString(), received[0].GetProperty("id").GetString());
        var data = Assert.Single(found!);
        Assert.Equal(mrn, data.GetProperty("mrn").GetString());
        Assert.Equal("CN", data.GetProperty("sender").GetString());
        Assert.Equal("accepted", data.GetProperty("status").GetString());
        var declaration = data.GetProperty("declaration");
        Assert.Equal("85109000", declaration.GetProperty("items")[0].GetProperty("hsCode").GetString());
        Assert.Equal(1000m, declaration.GetProperty("items")[0].GetProperty("itemPrice").GetProperty("amount").GetDecimal());
        // Everything outside the agreement stayed at CN: parties, offices, descriptions, origin, masses other than net.
        Assert.Equal(
            ["destinationCountry", "exportCountry", "items", "lrn", "transport", "type"],
            declaration.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["hsCode", "itemPrice", "netMass"], declaration.GetProperty("items")[0].EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["containers", "transportDocument"], declaration.GetProperty("transport").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("Secret Road", declaration.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(ExchangeSamples.Exporter, declaration.GetRawText(), StringComparison.Ordinal);
        Assert.Single(await officer.GetFromJsonAsync<JsonElement[]>("/api/exchange/export-data?transportDocument=BL-MSCU1234566") ?? []);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AReleasedExportIsSentAgainWithItsNewStatus(string provider)
    {
        await using var nodes = await PairedNodes.StartAsync(provider);
        using var cnOfficer = await nodes.Cn.OfficerAsync();
        var lodged = await nodes.Exporter.PostAsJsonAsync("/api/declarations", ExchangeSamples.Export("MSCU1234566"));
        var mrn = (await lodged.JsonAsync()).GetProperty("mrn").GetString();

        var released = await cnOfficer.PostAsJsonAsync($"/api/declarations/{mrn}/release", new { reason = "documents in order" });
        await ExchangeSamples.EventuallyAsync(() => nodes.Cn.MessagesAsync("out"), m => m.Length == 2 && m.All(x => x.GetProperty("status").GetString() == "delivered"), "both delivered");
        using var sgOfficer = await nodes.Sg.OfficerAsync();
        var found = await sgOfficer.GetFromJsonAsync<JsonElement[]>("/api/exchange/export-data?container=MSCU1234566") ?? [];

        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Equal(["released", "accepted"], found.Select(d => d.GetProperty("status").GetString()));
        Assert.All(found, d => Assert.Equal(mrn, d.GetProperty("mrn").GetString()));
        Assert.Equal(found[0].GetProperty("acceptedAt").GetDateTimeOffset(), found[1].GetProperty("acceptedAt").GetDateTimeOffset());
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task MessagesQueuedWhileThePartnerIsDownAreDeliveredOnceItIsBackNoneLostNoneDuplicated(string provider)
    {
        await using var nodes = await PairedNodes.StartAsync(provider);
        var (router, cn, sg, trader) = (nodes.Router, nodes.Cn, nodes.Sg, nodes.Exporter);
        string[] containers = ["MSCU1234566", "CSQU3054383", "TGHU8827660"];

        router.Down("SG");
        foreach (var container in containers)
        {
            Assert.Equal(HttpStatusCode.Created, (await trader.PostAsJsonAsync("/api/declarations", ExchangeSamples.Export(container))).StatusCode);
        }

        // Each message has failed more than once (so it was retried with backoff) and says why.
        var failing = await ExchangeSamples.EventuallyAsync(() => cn.MessagesAsync("out"),
            m => m.Length == 3 && m.All(x => x.GetProperty("attempts").GetInt32() >= 2), "retried while SG is down");
        Assert.All(failing, m => Assert.Equal("pending", Status(m)));
        Assert.All(failing, m => Assert.Contains("unreachable", m.GetProperty("lastError").GetString(), StringComparison.Ordinal));
        Assert.Empty(await sg.MessagesAsync("in"));

        router.Up("SG");
        await ExchangeSamples.EventuallyAsync(() => cn.MessagesAsync("out"), m => m.All(x => Status(x) == "delivered"), "delivered after SG is back");
        var received = await sg.MessagesAsync("in");
        using var officer = await sg.OfficerAsync();

        Assert.Equal(3, received.Length);
        Assert.Equal(3, received.Select(m => m.GetProperty("id").GetString()).Distinct().Count());
        foreach (var container in containers)
        {
            Assert.Single(await officer.GetFromJsonAsync<JsonElement[]>($"/api/exchange/export-data?container={container}") ?? []);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ASenderRestartedWithMessagesInItsOutboxDeliversThem(string provider)
    {
        await using var nodes = await PairedNodes.StartAsync(provider);
        var (router, cn, sg) = (nodes.Router, nodes.Cn, nodes.Sg);
        router.Down("SG");
        Assert.Equal(HttpStatusCode.Created, (await nodes.Exporter.PostAsJsonAsync("/api/declarations", ExchangeSamples.Export("MSCU1234566"))).StatusCode);

        await ExchangeSamples.EventuallyAsync(() => cn.MessagesAsync("out"), m => m.Length == 1 && m[0].GetProperty("attempts").GetInt32() >= 1, "tried");
        await cn.DisposeAsync();
        router.Up("SG");
        var restarted = nodes.Cn = await router.StartAsync(provider, "CN", restartOf: cn);

        var sent = await ExchangeSamples.EventuallyAsync(() => restarted.MessagesAsync("out"), m => m.Length == 1 && Status(m[0]) == "delivered", "delivered after restart");
        var received = await sg.MessagesAsync("in");

        Assert.Equal(sent[0].GetProperty("id").GetString(), Assert.Single(received).GetProperty("id").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AMessageStaysPendingUntilTheReceiptVerifiesWhileThePartnerStoresItOnce(string provider)
    {
        await using var nodes = await PairedNodes.StartAsync(provider);
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var anonymous = nodes.Sg.Client(null);
        var sgCard = await anonymous.GetFromJsonAsync<JsonObject>("/api/exchange/node-card");
        var forgedCard = sgCard!.DeepClone().AsObject();
        forgedCard["keys"] = JsonSerializer.SerializeToNode(new[] { Jwk.FromKey(stranger, DateTimeOffset.UtcNow.AddDays(-1), null) }, ExchangeJson.Options);
        using var admin = nodes.Cn.Admin();
        var agreement = ExchangeSamples.SenderAgreement();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/exchange/partners", new JsonObject { ["card"] = forgedCard, ["agreement"] = agreement.DeepClone() })).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await nodes.Exporter.PostAsJsonAsync("/api/declarations", ExchangeSamples.Export("MSCU1234566"))).StatusCode);
        // SG accepts (CN's key is right) and answers with receipts CN cannot verify against the key it holds for SG.
        var unconfirmed = await ExchangeSamples.EventuallyAsync(() => nodes.Cn.MessagesAsync("out"),
            m => m.Length == 1 && m[0].GetProperty("attempts").GetInt32() >= 3, "retried for want of a valid receipt");
        var storedOnce = await nodes.Sg.MessagesAsync("in");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/exchange/partners", new JsonObject { ["card"] = sgCard.DeepClone(), ["agreement"] = agreement })).StatusCode);
        await ExchangeSamples.EventuallyAsync(() => nodes.Cn.MessagesAsync("out"), m => m[0].GetProperty("status").GetString() == "delivered", "delivered with SG's real card");

        Assert.Equal("pending", unconfirmed[0].GetProperty("status").GetString());
        Assert.Contains("without a valid signed receipt", unconfirmed[0].GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Single(storedOnce);
        Assert.Single(await nodes.Sg.MessagesAsync("in"));
    }

    [Fact]
    public async Task AnExportToACountryThatIsNoPartnerQueuesNothing()
    {
        await using var nodes = await PairedNodes.StartAsync(Databases.Sqlite);

        var lodged = await nodes.Exporter.PostAsJsonAsync("/api/declarations", ExchangeSamples.Export("MSCU1234566", destination: "US"));

        Assert.Equal(HttpStatusCode.Created, lodged.StatusCode);
        Assert.Empty(await nodes.Cn.MessagesAsync("out"));
    }

    private static string? Status(JsonElement message) => message.GetProperty("status").GetString();

    /// <summary>CN and SG registered with each other (CN sends export data to SG), and a trader lodging at CN.</summary>
    internal sealed class PairedNodes : IAsyncDisposable
    {
        private PairedNodes(LoopbackRouter router, TestNode cn, TestNode sg, HttpClient exporter) => (Router, Cn, Sg, Exporter) = (router, cn, sg, exporter);

        public LoopbackRouter Router { get; }

        /// <summary>Replaced when a test restarts CN.</summary>
        public TestNode Cn { get; set; }
        public TestNode Sg { get; }
        public HttpClient Exporter { get; }

        public static async Task<PairedNodes> StartAsync(string provider)
        {
            var router = new LoopbackRouter();
            var cn = await router.StartAsync(provider, "CN");
            var sg = await router.StartAsync(provider, "SG");
            Assert.Equal(HttpStatusCode.Created, (await LoopbackRouter.RegisterAsync(cn, sg, ExchangeSamples.SenderAgreement())).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await LoopbackRouter.RegisterAsync(sg, cn, ExchangeSamples.ReceiverAgreement())).StatusCode);
            return new PairedNodes(router, cn, sg, await cn.TraderAsync(ExchangeSamples.Exporter));
        }

        public async ValueTask DisposeAsync()
        {
            Exporter.Dispose();
            await Cn.DisposeAsync();
            await Sg.DisposeAsync();
        }
    }
}
