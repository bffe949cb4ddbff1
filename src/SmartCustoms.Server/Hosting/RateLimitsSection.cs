namespace SmartCustoms.Server.Hosting;

/// <summary>
/// The <c>SmartCustoms:RateLimits</c> section: how many requests each client may make per window, per endpoint group.
/// Anonymous endpoints count per client IP address, lodging per API key; <c>PermitLimit = 0</c> switches a limiter off.
/// </summary>
public sealed class RateLimitsSection
{
    /// <summary>Messages posted to the exchange inbox, per client IP (a partner delivering a backlog sends about 1,400 per second).</summary>
    public RateLimit Inbox { get; set; } = new() { PermitLimit = 5000, Window = TimeSpan.FromSeconds(1) };

    /// <summary>Declarations lodged through the API, per API key (one busy key lodges about 2,000 per second).</summary>
    public RateLimit Lodging { get; set; } = new() { PermitLimit = 5000, Window = TimeSpan.FromSeconds(1) };

    /// <summary>Portal sign-in attempts (the form's POST), per client IP: few, since each guesses a key.</summary>
    public RateLimit SignIn { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Requests for the node card, per client IP.</summary>
    public RateLimit NodeCard { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Requests for the public statistics page, per client IP (each one queries the database).</summary>
    public RateLimit Statistics { get; set; } = new() { PermitLimit = 300, Window = TimeSpan.FromMinutes(1) };

    /// <summary>A token bucket: <see cref="PermitLimit"/> requests at once, refilled to that many every <see cref="Window"/>.</summary>
    public sealed class RateLimit
    {
        public int PermitLimit { get; set; }

        public TimeSpan Window { get; set; }
    }
}
