using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using SmartCustoms.Server.Access;

namespace SmartCustoms.Server.Portal;

/// <summary>
/// The web portal's sessions: an API key pasted once at sign-in, then an HttpOnly, SameSite=Strict cookie with a
/// sliding expiry. The API under <c>/api</c> keeps its bearer keys and never accepts the cookie, so a page in
/// another site cannot make a signed-in browser call it.
/// </summary>
public static class PortalAuthentication
{
    /// <summary>The default scheme: picks the API key for <c>/api</c> and the session cookie everywhere else.</summary>
    public const string SelectorScheme = "ApiKeyOrSession";
    public const string SessionScheme = "PortalSession";

    public const string OfficerPolicy = "portal-officer";
    public const string TraderPolicy = "portal-trader";
    public const string AnalystPolicy = "portal-analyst";

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(8);

    public static AuthenticationBuilder AddPortalSessions(this AuthenticationBuilder authentication)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        authentication.Services.AddAuthorizationBuilder()
            .AddPolicy(OfficerPolicy, p => p.RequireRole(Roles.Officer))
            .AddPolicy(TraderPolicy, p => p.RequireRole(Roles.Trader))
            .AddPolicy(AnalystPolicy, p => p.RequireRole(Roles.Analyst));
        return authentication
            .AddPolicyScheme(SelectorScheme, "API key or portal session", o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) ? ApiKeyAuthenticationHandler.SchemeName : SessionScheme)
            .AddCookie(SessionScheme, o =>
            {
                o.Cookie.Name = "smartcustoms-session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                // Secure whenever the portal is reached over HTTPS; plain HTTP is for a node on 127.0.0.1.
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = IdleTimeout;
                o.SlidingExpiration = true;
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.AccessDeniedPath = "/denied";
                o.Events.OnValidatePrincipal = ValidateKeyAsync;
            });
    }

    /// <summary>A session lasts only as long as its key: revoking the key ends the session within the verifier's cache time.</summary>
    private static async Task ValidateKeyAsync(CookieValidatePrincipalContext context)
    {
        var hash = context.Principal?.FindFirst(ApiKeyVerifier.KeyHashClaim)?.Value;
        var verifier = context.HttpContext.RequestServices.GetRequiredService<ApiKeyVerifier>();
        if (hash is null || await verifier.VerifyHashAsync(hash, context.HttpContext.RequestAborted).ConfigureAwait(false) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SessionScheme).ConfigureAwait(false);
        }
    }
}
