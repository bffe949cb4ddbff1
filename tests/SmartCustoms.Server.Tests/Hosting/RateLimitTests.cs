using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Hosting;

/// <summary>The anonymous endpoints are limited per client, lodging per API key; the request over the limit gets 429 and when to come back.</summary>
public sealed class RateLimitTests
{
    private const string Declarant = "GB603202734852";

    /// <summary>A node whose <paramref name="limiter"/> lets <paramref name="permits"/> requests through per hour.</summary>
    private static Task<TestNode> StartAsync(string limiter, int permits) => TestNode.StartAsync(Databases.Sqlite, settings: new Dictionary<string, string?>
    {
        [$"SmartCustoms:RateLimits:{limiter}:PermitLimit"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"SmartCustoms:RateLimits:{limiter}:Window"] = "01:00:00",
    });

    private static async Task AssertRateLimitedAsync(HttpResponseMessage response, string setting)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After says how many seconds to wait.");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal(["rate-limited"], problem.ErrorCodes());
        Assert.Contains("SmartCustoms:RateLimits:" + setting, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static StringContent Jose() => new StringContent("not.a.message", Encoding.ASCII, "application/jose");

    [Fact]
    public async Task TheInboxAnswersTheRequestOverItsLimit429WithRetryAfter()
    {
        await using var node = await StartAsync("Inbox", 2);
        using var partner = node.Client(null);

        var allowed = new[] { await partner.PostAsync("/api/exchange/inbox", Jose()), await partner.PostAsync("/api/exchange/inbox", Jose()) };
        var refused = await partner.PostAsync("/api/exchange/inbox", Jose());

        Assert.All(allowed, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        await AssertRateLimitedAsync(refused, "Inbox");
    }

    [Fact]
    public async Task LodgingIsLimitedPerKeySoOneKeyDoesNotThrottleAnother()
    {
        await using var node = await StartAsync("Lodging", 2);
        using var busy = await node.TraderAsync(Declarant);
        using var other = await node.TraderAsync("GB123456789000");

        var allowed = new[] { await busy.PostAsJsonAsync("/api/declarations", Samples.Import(Declarant)), await busy.PostAsJsonAsync("/api/declarations", Samples.Import(Declarant)) };
        var refused = await busy.PostAsJsonAsync("/api/declarations", Samples.Import(Declarant));
        var otherKey = await other.PostAsJsonAsync("/api/declarations", Samples.Import("GB123456789000"));

        Assert.All(allowed, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        await AssertRateLimitedAsync(refused, "Lodging");
        Assert.Equal(HttpStatusCode.Created, otherKey.StatusCode);
    }

    [Fact]
    public async Task SignInAttemptsAreLimitedWhileShowingTheFormIsNot()
    {
        await using var node = await StartAsync("SignIn", 2);
        using var browser = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = Portal.PortalAccessTests.TokenIn(await browser.GetStringAsync("/signin"));
        HttpContent Attempt() => new FormUrlEncodedContent(new Dictionary<string, string> { ["ApiKey"] = "sck_guess", ["__RequestVerificationToken"] = token });

        var guesses = new[] { await browser.PostAsync("/signin", Attempt()), await browser.PostAsync("/signin", Attempt()) };
        var refused = await browser.PostAsync("/signin", Attempt());
        var form = await browser.GetAsync("/signin");

        Assert.All(guesses, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        await AssertRateLimitedAsync(refused, "SignIn");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }

    [Theory]
    [InlineData("NodeCard", "/api/exchange/node-card")]
    [InlineData("Statistics", "/statistics")]
    public async Task PublicPagesAreLimitedPerClient(string limiter, string path)
    {
        await using var node = await StartAsync(limiter, 1);
        using var anonymous = node.Client(null);

        var allowed = await anonymous.GetAsync(path);
        var refused = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        await AssertRateLimitedAsync(refused, limiter);
    }

    [Fact]
    public async Task APermitLimitOfZeroSwitchesTheLimiterOff()
    {
        await using var node = await StartAsync("Lodging", 0);
        using var trader = await node.TraderAsync(Declarant);

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            responses.Add(await trader.PostAsJsonAsync("/api/declarations", Samples.Import(Declarant)));
        }

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
    }
}
