using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SmartCustoms.Server.Portal;

/// <summary>Ends the session (a POST with the antiforgery token, so that another site cannot sign anyone out).</summary>
public sealed class SignOutModel : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(PortalAuthentication.SessionScheme);
        return RedirectToPage("/SignIn");
    }
}
