using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Server.Declarations;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Declarations;

namespace SmartCustoms.Server.Portal.Officer;

/// <summary>
/// The inspection result as an officer records it beside the container, on a phone: photos come from the camera
/// through the file input and are checked, hashed and stored by the same code as the API's multipart upload.
/// </summary>
public sealed class InspectModel(IDeclarationStore store, ControlService controls, IOptions<SmartCustomsOptions> options) : PortalPage
{
    public DeclarationRecord Record { get; private set; } = null!;

    /// <summary>"findings" or "none"; anything else is a missing answer.</summary>
    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public IReadOnlyList<string> Categories { get; set; } = [];

    [BindProperty]
    public string? Revenue { get; set; }

    /// <summary>The amount, in invariant digits, that the officer saw read back and confirmed by posting again.</summary>
    [BindProperty]
    public string? RevenueConfirmed { get; set; }

    [BindProperty]
    public string? Notes { get; set; }

    /// <summary>The revenue as the node read it, shown back for the officer to check before anything is saved.</summary>
    public decimal? RevenueUnderstood { get; private set; }

    /// <summary>How the officer's language writes numbers, from the browser's languages (null when none is known).</summary>
    public NumberConvention? Convention => NumberConvention.Of(Request);

    /// <summary>An amount as the officer's language writes it.</summary>
    public string Shown(decimal amount) => (Convention ?? NumberConvention.For("en")!).Format(amount);

    [BindProperty]
    public IReadOnlyList<IFormFile> Photos { get; set; } = [];

    /// <summary>The seal numbers on each declared container after the control, in the declaration's container order.</summary>
    [BindProperty]
    public List<string?> Seals { get; set; } = [];

    /// <summary>The declaration's container numbers, in order.</summary>
    public IReadOnlyList<string> Containers =>
        [.. (Record.Declaration.Transport?.Containers ?? []).Select(c => c.Id).OfType<string>().Where(id => id.Length > 0)];

    public async Task<IActionResult> OnGetAsync(string mrn, CancellationToken cancellationToken) =>
        await LoadAsync(mrn, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string mrn, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(mrn, cancellationToken))
        {
            return NotFound();
        }

        var read = await ReadAsync(cancellationToken);
        if (RevenueUnderstood is not null)
        {
            if (!read.Succeeded)
            {
                Show(read.Refusal!);
            }

            RevenueConfirmed = RevenueUnderstood.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Page();
        }

        if (read.TryGetValue(out var input, out var refusal))
        {
            var outcome = await controls.RecordInspectionAsync(mrn, input, Caller, cancellationToken);
            if (outcome.TryGetValue(out _, out refusal))
            {
                return RedirectToPage("/Officer/Declaration", new { mrn, done = "inspected" });
            }

            if (refusal.IsNotFound())
            {
                return NotFound();
            }
        }

        Show(refusal!);
        return Page();
    }

    private async Task<Outcome<InspectionInput>> ReadAsync(CancellationToken cancellationToken)
    {
        var maxBytes = options.Value.Limits.MaxEvidenceBytes;
        if (Photos.Sum(p => p.Length) > maxBytes)
        {
            return Refusal.TooLarge(maxBytes);
        }

        var files = new List<Storage.Declarations.NewEvidence>();
        foreach (var photo in Photos)
        {
            using var content = new MemoryStream((int)photo.Length);
            await photo.CopyToAsync(content, cancellationToken);
            files.Add(InspectionInput.EvidenceFile(photo.FileName, photo.ContentType, content.ToArray(), files.Count + 1));
        }

        decimal? revenue = null;
        if (!string.IsNullOrWhiteSpace(Revenue))
        {
            if (!TypedNumber.ReadAmount(Revenue, Convention, "Revenue at stake", "/revenueAtStake").TryGetValue(out var parsed, out var refusal))
            {
                return refusal;
            }

            if (TypedNumber.NeedsShowBack(Revenue) && RevenueConfirmed != parsed.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                RevenueUnderstood = parsed;
            }

            revenue = parsed;
        }

        var request = new InspectionRequest
        {
            Findings = Outcome switch { "findings" => true, "none" => false, _ => null },
            Categories = Categories,
            RevenueAtStake = revenue,
            Notes = Notes,
            Seals = [.. Containers.Select((container, i) => (container, ids: SealIds(i)))
                .Where(c => c.ids.Count > 0)
                .Select(c => new Domain.Controls.ContainerSeals { Container = c.container, Seals = c.ids })],
        };
        return InspectionInput.Check(request, files);
    }

    private List<string> SealIds(int index) =>
        index < Seals.Count && Seals[index] is { } text
            ? [.. text.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : [];

    private async Task<bool> LoadAsync(string mrn, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(mrn, null, cancellationToken);
        Record = record!;
        return record is not null;
    }
}
