using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Server.Hosting;

namespace SmartCustoms.Server.Access;

/// <summary>Authenticates <c>Authorization: Bearer &lt;api key&gt;</c> against the stored key hashes.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyVerifier verifier)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length > 200)
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <api key>'.");
        }

        var key = await verifier.VerifyAsync(header["Bearer ".Length..], Context.RequestAborted).ConfigureAwait(false);
        return key is null
            ? AuthenticateResult.Fail("Unknown or revoked API key.")
            : AuthenticateResult.Success(new AuthenticationTicket(ApiKeyVerifier.Principal(key, SchemeName), SchemeName));
    }

    /// <summary>401 says what was wrong with the credentials and what to send instead.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        var failure = result.Failure?.Message;
        Response.Headers.WWWAuthenticate = failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        var refusal = failure is null
            ? Refusal.Single(RefusalKind.Unauthenticated, "API key required",
                "Send 'Authorization: Bearer <api key>'. An administrator creates keys with POST /api/keys or `smartcustoms keys create`.", "auth.required", "/headers/Authorization")
            : Refusal.Single(RefusalKind.Unauthenticated, "API key not accepted",
                failure + " Send 'Authorization: Bearer <api key>' with a key an administrator created for you.", "auth.invalid", "/headers/Authorization");
        await refusal.ToResult().ExecuteAsync(Context).ConfigureAwait(false);
    }

    /// <summary>403 names the caller's role, so that they know which key to use instead.</summary>
    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var role = Context.User.FindFirstValue(ClaimTypes.Role) ?? "none";
        var refusal = Refusal.Single(RefusalKind.Forbidden, "Not for this role",
            $"A key with the role '{role}' may not use {Request.Method} {Request.Path}; the API description (/openapi/v1.json) lists the roles of each operation (x-roles).",
            "auth.forbidden");
        await refusal.ToResult().ExecuteAsync(Context).ConfigureAwait(false);
    }
}
