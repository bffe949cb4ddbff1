using System.Net;
using System.Net.Http.Json;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Exchange;

/// <summary>
/// Several servers of one node share its outbox. A server claims the messages it delivers for a short lease that it
/// renews while it delivers: a crashed server's messages go out from another within seconds, a slow delivery is not
/// sent a second time by another server meanwhile.
/// </summary>
public sealed class OutboxClaimTests
{
    private static readonly Dictionary<string, string?> ShortClaims = new(StringComparer.Ordinal)
    {
        ["SmartCustoms:Exchange:ClaimLease"] = "00:00:01",
        // Far longer than the claims: what a dead server's messages wait for is the claim, not the request timeout.
        ["SmartCustoms:Exchange:RequestTimeout"] = "00:02:00",
    };

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task TheMessagesADeadServerWasDeliveringAreDeliveredByAnotherServerWithinSeconds(string provider)
    {
        var router = new LoopbackRouter();
        await using var sg = await router.StartAsync(provider, "SG");
        var dead = await router.StartAsync(provider, "CN", settings: ShortClaims);
        Assert.Equal(HttpStatusCode.Created, (await LoopbackRouter.RegisterAsync(dead, sg, ExchangeSamples.SenderAgreement())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await LoopbackRouter.RegisterAsync(sg, dead, ExchangeSamples.ReceiverAgreement())).StatusCode);
        using (var exporter = await dead.TraderAsync(ExchangeSamples.Exporter))
        {
            // SG never answers: the server's delivery is in flight, its claim renewed, when the server goes.
            router.Delay("SG", Timeout.InfiniteTimeSpan);
            Assert.Equal(HttpStatusCode.Created, (await exporter.PostAsJsonAsync("/api/declarations", ExchangeSamples.Export("MSCU1234566"))).StatusCode);
            await ExchangeSamples.EventuallyAsync(() => Task.FromResult(router.Calls("SG")), calls => calls >= 1, "sent by the first server");
        }

        var claimed = Assert.Single(await dead.MessagesAsync("out"));
        await dead.DisposeAsync();
        router.Delay("SG", TimeSpan.Zero);
        await using var other = await router.StartAsync(provider, "CN", restartOf: dead, settings: ShortClaims);

        var sent = await ExchangeSamples.EventuallyAsync(() => other.MessagesAsync("out"),
            m => m.Length == 1 && m[0].GetProperty("status").GetString() == "delivered", "delivered by the other server");
        var received = await sg.MessagesAsync("in");

        Assert.Equal(("pending", 1), (claimed.GetProperty("status").GetString(), claimed.GetProperty("attempts").GetInt32()));
        Assert.Equal(2, sent[0].GetProperty("attempts").GetInt32());
        Assert.Equal(sent[0].GetProperty("id").GetString(), Assert.Single(received).GetProperty("id").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ASlowDeliveryKeepsItsClaimSoThatTheOtherServerDoesNotSendTheMessageAgain(string provider)
    {
        var router = new LoopbackRouter();
        await using var sg = await router.StartAsync(provider, "SG");
        await using var first = await router.StartAsync(provider, "CN", settings: ShortClaims);
        await using var second = await router.StartAsync(provider, "CN", restartOf: first, settings: ShortClaims);
        Assert.Equal(HttpStatusCode.Created, (await LoopbackRouter.RegisterAsync(first, sg, ExchangeSamples.SenderAgreement())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await LoopbackRouter.RegisterAsync(sg, first, ExchangeSamples.ReceiverAgreement())).StatusCode);
        using var exporter = await first.TraderAsync(ExchangeSamples.Exporter);
        // Each delivery takes four claim leases: without the heartbeat the other server would claim and send it again.
        router.Delay("SG", TimeSpan.FromSeconds(4));

        Assert.Equal(HttpStatusCode.Created, (await exporter.PostAsJsonAsync("/api/declarations", ExchangeSamples.Export("MSCU1234566"))).StatusCode);
        var sent = await ExchangeSamples.EventuallyAsync(() => second.MessagesAsync("out"),
            m => m.Length == 1 && m[0].GetProperty("status").GetString() == "delivered", "delivered");

        Assert.Equal(1, sent[0].GetProperty("attempts").GetInt32());
        Assert.Equal(1, router.Calls("SG"));
        Assert.Single(await sg.MessagesAsync("in"));
    }
}
