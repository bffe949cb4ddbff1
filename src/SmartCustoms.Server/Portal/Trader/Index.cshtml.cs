using Microsoft.AspNetCore.Mvc;
using SmartCustoms.Storage.Declarations;

namespace SmartCustoms.Server.Portal.Trader;

/// <summary>A trader's own declarations, newest first; never another declarant's, and never the lane.</summary>
public sealed class IndexModel(IDeclarationStore store) : PortalPage
{
    public IReadOnlyList<DeclarationSummary> Declarations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Caller.PartyId is not { } party)
        {
            // A trader key always names its party; without one the query below would not be narrowed to it.
            return Forbid();
        }

        var page = await store.ListAsync(new DeclarationQuery { DeclarantId = party, PageSize = 200 }, cancellationToken);
        Declarations = [.. page.Items.OrderByDescending(d => d.AcceptedAt)];
        return Page();
    }
}
