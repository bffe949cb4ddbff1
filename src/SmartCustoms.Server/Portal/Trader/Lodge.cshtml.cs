using Microsoft.AspNetCore.Mvc;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Server.Declarations;
using SmartCustoms.Server.Hosting;

namespace SmartCustoms.Server.Portal.Trader;

/// <summary>Lodging by file upload, JSON or WCO DMS XML, through the API's own lodging: the same checks, the same pointers.</summary>
public sealed class LodgeModel(LodgingService lodging) : PortalPage
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public string? FileName { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            Show(Refusal.Single(RefusalKind.Invalid, "No file", "Choose a declaration file (JSON or WCO XML).", "body.empty", ""));
            return Page();
        }

        FileName = Path.GetFileName(Upload.FileName);
        if (Upload.Length > lodging.MaxDeclarationBytes)
        {
            Show(Refusal.TooLarge(lodging.MaxDeclarationBytes));
            return Page();
        }

        if (FormatOf(Upload) is not { } format)
        {
            Show(Refusal.Single(RefusalKind.UnsupportedMediaType, "Unsupported file",
                "Upload a declaration as a .json file or as WCO DMS XML (.xml).", "body.media-type", ""));
            return Page();
        }

        using var content = new MemoryStream((int)Upload.Length);
        await Upload.CopyToAsync(content, cancellationToken);
        var lodged = await lodging.LodgeAsync(content.ToArray(), format, Caller, cancellationToken);
        if (!lodged.TryGetValue(out var stored, out var refusal))
        {
            Show(refusal);
            return Page();
        }

        return RedirectToPage("/Trader/Declaration", new { mrn = stored.Record.Mrn, done = "lodged" });
    }

    /// <summary>The file's extension decides; browsers name JSON and XML files inconsistently in Content-Type.</summary>
    private static DeclarationFormat? FormatOf(IFormFile file) => Path.GetExtension(file.FileName).ToUpperInvariant() switch
    {
        ".JSON" => DeclarationFormat.Json,
        ".XML" => DeclarationFormat.WcoXml,
        _ => LodgingService.FormatOf(file.ContentType) is { } format && !string.IsNullOrEmpty(file.ContentType) ? format : null,
    };
}
