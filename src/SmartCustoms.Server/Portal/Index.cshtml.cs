using Microsoft.AspNetCore.Mvc;
using SmartCustoms.Domain.Access;

namespace SmartCustoms.Server.Portal;

/// <summary>The portal's front door: each role lands on its own work.</summary>
public sealed class IndexModel : PortalPage
{
    public IActionResult OnGet() => RedirectToPage(Caller.Role switch
    {
        Role.Officer => "/Officer/Queue",
        Role.Trader => "/Trader/Index",
        Role.Analyst => "/Analyst/Criteria",
        _ => "/Denied",
    });
}
