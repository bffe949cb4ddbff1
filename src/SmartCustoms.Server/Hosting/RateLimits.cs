using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Outcomes;

namespace SmartCustoms.Server.Hosting;

/// <summary>
/// The built-in rate limiter's policies: per client IP on the anonymous endpoints, per API key on lodging.
/// A refused request gets 429 <c>rate-limited</c> with <c>Retry-After</c>; the buckets are sized in <see cref="RateLimitsSection"/>.
/// </summary>
public static class RateLimits
{
    public const string Inbox = "inbox";
    public const string Lodging = "lodging";
    public const string SignIn = "sign-in";
    public const string NodeCard = "node-card";
    public const string Statistics = "statistics";

    public static IServiceCollection AddSmartCustomsRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            limiter.AddPolicy(Inbox, http => PerClient(http, Inbox, Settings(http).Inbox));
            limiter.AddPolicy(NodeCard, http => PerClient(http, NodeCard, Settings(http).NodeCard));
            limiter.AddPolicy(Statistics, http => PerClient(http, Statistics, Settings(http).Statistics));
            // Only the form's POST guesses a key; showing the form is not counted.
            limiter.AddPolicy(SignIn, http => HttpMethods.IsPost(http.Request.Method)
                ? PerClient(http, SignIn, Settings(http).SignIn)
                : RateLimitPartition.GetNoLimiter(""));
            // Authentication has run: every lodging caller holds a key, and each key has a bucket of its own.
            limiter.AddPolicy(Lodging, http => Bucket("key:" + (http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? ClientAddress(http)), Settings(http).Lodging));
        });

    private static RateLimitsSection Settings(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<SmartCustomsOptions>>().Value.RateLimits;

    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> PerClient(HttpContext http, string policy, RateLimitsSection.RateLimit limit) =>
        Bucket(policy + ":" + ClientAddress(http), limit);

    private static RateLimitPartition<string> Bucket(string key, RateLimitsSection.RateLimit limit) =>
        limit.PermitLimit <= 0
            ? RateLimitPartition.GetNoLimiter(key)
            : RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limit.PermitLimit,
                TokensPerPeriod = limit.PermitLimit,
                ReplenishmentPeriod = limit.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            });

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "";
        var window = Window(Settings(http), policy);
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;
        var seconds = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var setting = policy.Length == 0 ? "SmartCustoms:RateLimits" : "SmartCustoms:RateLimits:" + SettingName(policy);
        await Refusal.Single(RefusalKind.TooManyRequests, "Too many requests",
                string.Create(CultureInfo.InvariantCulture, $"This client has sent more requests than the node takes ({setting}); try again in {seconds} s."),
                "rate-limited", "")
            .ToResult().ExecuteAsync(http).ConfigureAwait(false);
    }

    private static TimeSpan Window(RateLimitsSection settings, string policy) => policy switch
    {
        Inbox => settings.Inbox.Window,
        Lodging => settings.Lodging.Window,
        SignIn => settings.SignIn.Window,
        NodeCard => settings.NodeCard.Window,
        Statistics => settings.Statistics.Window,
        _ => TimeSpan.FromSeconds(1),
    };

    private static string SettingName(string policy) => policy switch
    {
        Inbox => nameof(RateLimitsSection.Inbox),
        Lodging => nameof(RateLimitsSection.Lodging),
        SignIn => nameof(RateLimitsSection.SignIn),
        NodeCard => nameof(RateLimitsSection.NodeCard),
        Statistics => nameof(RateLimitsSection.Statistics),
        _ => policy,
    };
}
