using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SmartCustoms.Server.Portal;

public sealed class DeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
