using Microsoft.AspNetCore.Mvc;
using SmartCustoms.Server.Declarations;
using SmartCustoms.Storage.Declarations;

namespace SmartCustoms.Server.Portal.Trader;

/// <summary>One of the trader's declarations: status timeline, duties due and what the lane means for the goods (not why).</summary>
public sealed class DeclarationModel(IDeclarationStore store) : PortalPage
{
    public DeclarationResponse Declaration { get; private set; } = null!;

    public IReadOnlyList<NotificationResponse> Timeline { get; private set; } = [];

    public bool JustLodged { get; private set; }

    public async Task<IActionResult> OnGetAsync(string mrn, string? done, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(mrn, null, cancellationToken);
        if (record is null || !Caller.CanSee(record.DeclarantId))
        {
            // Another declarant's declaration is answered as if it did not exist, as the API does.
            return NotFound();
        }

        // No risk view is passed: the trader's page cannot show the explanation even by mistake.
        Declaration = DeclarationResponse.From(record);
        Timeline = [.. (await store.GetNotificationsAsync(mrn, 0, 1000, cancellationToken)).Select(Notifications.ToResponse)];
        JustLodged = string.Equals(done, "lodged", StringComparison.Ordinal);
        return Page();
    }
}
