using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Exchange;

/// <summary>
/// The built server twice, as real processes on 127.0.0.1 talking real HTTP: the partner is killed while the sender
/// queues messages, then the sender is killed (kill -9) with them still in its outbox; both come back on their
/// addresses and every message arrives exactly once.
/// </summary>
public sealed class TwoProcessExchangeTests
{
    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task MessagesSurviveThePartnerBeingDownAndTheSenderBeingKilledAndArriveOnce(string provider)
    {
        var cnSettings = await SettingsAsync(provider, "CN", NodeProcess.FreePort());
        var sgSettings = await SettingsAsync(provider, "SG", NodeProcess.FreePort());
        var cnDirectory = Path.Combine(Path.GetTempPath(), "sc-c2c-cn-" + Guid.NewGuid().ToString("N"));
        var sgDirectory = Path.Combine(Path.GetTempPath(), "sc-c2c-sg-" + Guid.NewGuid().ToString("N"));
        var cnPort = new Uri(cnSettings["SmartCustoms:Exchange:BaseUrl"]).Port;
        var sgPort = new Uri(sgSettings["SmartCustoms:Exchange:BaseUrl"]).Port;

        var cn = await NodeProcess.StartAsync(cnDirectory, cnSettings, cnPort);
        var sg = await NodeProcess.StartAsync(sgDirectory, sgSettings, sgPort);
        try
        {
            await RegisterAsync(cn, sg, ExchangeSamples.SenderAgreement());
            await RegisterAsync(sg, cn, ExchangeSamples.ReceiverAgreement());
            string traderKey;
            using (var admin = cn.Client(TestNode.AdminKey))
            {
                var created = await (await admin.PostAsJsonAsync("/api/keys", new { role = "trader", partyId = ExchangeSamples.Exporter })).JsonAsync();
                traderKey = created.GetProperty("key").GetString()!;
            }

            sg.Kill();
            using (var trader = cn.Client(traderKey))
            {
                foreach (var container in new[] { "MSCU1234566", "CSQU3054383" })
                {
                    Assert.Equal(HttpStatusCode.Created, (await trader.PostAsJsonAsync("/api/declarations", ExchangeSamples.Export(container))).StatusCode);
                }
            }

            using (var admin = cn.Client(TestNode.AdminKey))
            {
                await ExchangeSamples.EventuallyAsync(() => admin.MessagesAsync("out"),
                    m => m.Length == 2 && m.All(x => x.GetProperty("attempts").GetInt32() >= 2), "retried while SG is down");
            }

            cn.Kill();
            await sg.DisposeAsync();
            sg = await NodeProcess.StartAsync(sgDirectory, sgSettings, sgPort);
            await cn.DisposeAsync();
            cn = await NodeProcess.StartAsync(cnDirectory, cnSettings, cnPort);

            using var cnAdmin = cn.Client(TestNode.AdminKey);
            using var sgAdmin = sg.Client(TestNode.AdminKey);
            var sent = await ExchangeSamples.EventuallyAsync(() => cnAdmin.MessagesAsync("out"),
                m => m.Length == 2 && m.All(x => x.GetProperty("status").GetString() == "delivered"), "delivered after both restarts");
            var received = await sgAdmin.MessagesAsync("in");

            Assert.Equal(
                sent.Select(m => m.GetProperty("id").GetString()).Order(StringComparer.Ordinal),
                received.Select(m => m.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        }
        finally
        {
            await cn.DisposeAsync();
            await sg.DisposeAsync();
        }
    }

    private static async Task<Dictionary<string, string>> SettingsAsync(string provider, string nodeId, int port) => new(StringComparer.Ordinal)
    {
        ["SmartCustoms:NodeId"] = nodeId,
        ["SmartCustoms:Storage:Provider"] = provider,
        ["ConnectionStrings:SmartCustoms"] = provider == Databases.Postgres ? await Databases.CreatePostgresAsync() : "",
        ["SmartCustoms:Exchange:BaseUrl"] = $"http://127.0.0.1:{port}",
        ["SmartCustoms:Exchange:RetryInitial"] = "00:00:00.200",
        ["SmartCustoms:Exchange:RetryMax"] = "00:00:01",
        ["SmartCustoms:Exchange:PollInterval"] = "00:00:00.500",
        // A message claimed when the sender is killed waits out its lease (twice this) before the restarted sender retries it.
        ["SmartCustoms:Exchange:RequestTimeout"] = "00:00:05",
    };

    private static async Task RegisterAsync(NodeProcess at, NodeProcess partner, JsonObject agreement)
    {
        using var anonymous = partner.Client(null);
        var card = await anonymous.GetFromJsonAsync<JsonObject>("/api/exchange/node-card");
        using var admin = at.Client(TestNode.AdminKey);
        var response = await admin.PostAsJsonAsync("/api/exchange/partners", new JsonObject { ["card"] = card, ["agreement"] = agreement });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
