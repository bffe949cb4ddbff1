using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartCustoms.Server.Access;

namespace SmartCustoms.Server.Portal;

/// <summary>Signs in with an API key, verified as the API verifies it, and opens a cookie session.</summary>
public sealed class SignInModel(ApiKeyVerifier verifier) : PageModel
{
    private const int MaxKeyLength = 200;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = "ApiKey")] string? apiKey, CancellationToken cancellationToken)
    {
        var secret = apiKey?.Trim();
        var key = string.IsNullOrEmpty(secret) || secret.Length > MaxKeyLength ? null : await verifier.VerifyAsync(secret, cancellationToken);
        if (key is null)
        {
            Error = "This API key is unknown or revoked.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        var principal = ApiKeyVerifier.Principal(key, PortalAuthentication.SessionScheme, ApiKeyVerifier.HashOf(secret!));
        await HttpContext.SignInAsync(PortalAuthentication.SessionScheme, principal, new AuthenticationProperties { IsPersistent = false });
        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage("/Index");
    }
}
