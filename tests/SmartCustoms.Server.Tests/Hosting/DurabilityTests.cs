using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Hosting;

public sealed class DurabilityTests
{
    [Fact]
    public async Task EveryDeclarationAcknowledgedBeforeAKillIsThereAfterRestart()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "sc-kill-" + Guid.NewGuid().ToString("N"));
        var acknowledged = new ConcurrentBag<string>();
        string traderKey;
        await using (var node = await NodeProcess.StartAsync(dataDirectory))
        {
            using var admin = node.Client(TestNode.AdminKey);
            var created = await (await admin.PostAsJsonAsync("/api/keys", new { role = "trader", partyId = "GB123456789000" })).JsonAsync();
            traderKey = created.GetProperty("key").GetString()!;
            using var trader = node.Client(traderKey);
            using var enough = new SemaphoreSlim(0);

            var lodgings = Enumerable.Range(0, 200).Select(async i =>
            {
                try
                {
                    var response = await trader.PostAsJsonAsync("/api/declarations", Samples.Import("GB123456789000", $"LRN-KILL-{i}"));
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged.Add((await response.JsonAsync()).GetProperty("mrn").GetString()!);
                        if (acknowledged.Count == 40)
                        {
                            enough.Release();
                        }
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    // In flight when the node died: never acknowledged, so nothing is owed.
                }
            }).ToList();

            await enough.WaitAsync(TimeSpan.FromSeconds(60));
            var snapshot = acknowledged.ToArray();
            node.Kill();
            await Task.WhenAll(lodgings);
            Assert.True(snapshot.Length >= 40);
        }

        await using var restarted = await NodeProcess.StartAsync(dataDirectory);
        using var reader = restarted.Client(traderKey);
        foreach (var mrn in acknowledged)
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/declarations/{mrn}")).StatusCode);
        }
    }
}
