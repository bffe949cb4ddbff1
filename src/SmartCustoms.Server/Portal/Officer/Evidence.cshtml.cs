using Microsoft.AspNetCore.Mvc;
using SmartCustoms.Storage.Risk;

namespace SmartCustoms.Server.Portal.Officer;

/// <summary>An evidence file, always as a download: it came from a phone, so it is never rendered in the node's origin.</summary>
public sealed class EvidenceModel(IRiskStore risk) : PortalPage
{
    public async Task<IActionResult> OnGetAsync(string mrn, long id, CancellationToken cancellationToken)
    {
        if (await risk.GetEvidenceAsync(mrn, id, cancellationToken) is not { } evidence)
        {
            return NotFound();
        }

        Response.Headers["X-Content-SHA256"] = evidence.File.Sha256;
        return File(evidence.Content, evidence.File.ContentType, evidence.File.FileName);
    }
}
