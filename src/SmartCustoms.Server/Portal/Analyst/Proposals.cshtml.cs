using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Server.Risk;
using SmartCustoms.Storage.Risk;

namespace SmartCustoms.Server.Portal.Analyst;

/// <summary>
/// Criteria proposed by partners' risk alerts: the analyst reads the alert and the proposed criterion, adopts it (as
/// proposed or edited, through the API's own adoption) or dismisses it with a reason.
/// </summary>
public sealed class ProposalsModel(IRiskProposalStore proposals, IRiskStore risk, RiskAssessor assessor, TimeProvider clock) : PortalPage
{
    private static readonly JsonSerializerOptions Indented = new(CriterionJson.Options) { WriteIndented = true };

    public IReadOnlyList<RiskProposal> Proposals { get; private set; } = [];

    /// <summary>The proposal whose adoption or dismissal was refused: its errors are shown beside it.</summary>
    public string? FailedId { get; private set; }

    /// <summary>What the analyst typed into the refused form, shown again to correct.</summary>
    public string? FailedJson { get; private set; }

    public string? Done { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Done = done;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAdoptAsync(string id, string? json, CancellationToken cancellationToken)
    {
        var decided = await ProposalsApi.AdoptAsync(id, json, proposals, risk, assessor, clock, Caller, cancellationToken);
        if (!decided.TryGetValue(out var adopted, out var refusal))
        {
            (FailedId, FailedJson) = (id, json);
            Show(refusal);
            await LoadAsync(cancellationToken);
            return Page();
        }

        return RedirectToPage("/Analyst/Proposals", new { done = $"Adopted as criterion {adopted.Criterion.Id} (version {adopted.Criterion.Version}); it applies from the next declaration." });
    }

    public async Task<IActionResult> OnPostDismissAsync(string id, string? reason, CancellationToken cancellationToken)
    {
        var decided = await ProposalsApi.DismissAsync(id, reason, proposals, clock, Caller, cancellationToken);
        if (!decided.TryGetValue(out var dismissed, out var refusal))
        {
            FailedId = id;
            Show(refusal);
            await LoadAsync(cancellationToken);
            return Page();
        }

        return RedirectToPage("/Analyst/Proposals", new { done = $"Dismissed the alert '{dismissed.Title}'." });
    }

    /// <summary>The proposed criterion, indented for the editor.</summary>
    public static string Pretty(string criterionJson) =>
        CriterionJson.Parse(criterionJson).Match(document => JsonSerializer.Serialize(document, Indented), _ => criterionJson);

    /// <summary>The targeting as one line per list, e.g. <c>hsCodes: 8510, 8516</c>.</summary>
    public static IEnumerable<string> Targeting(string targetingJson)
    {
        using var document = JsonDocument.Parse(targetingJson);
        return [.. document.RootElement.EnumerateObject().Select(p => p.Value.ValueKind == JsonValueKind.Array
            ? $"{p.Name}: {string.Join(", ", p.Value.EnumerateArray().Select(v => v.ToString()))}"
            : $"{p.Name}: {p.Value}")];
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Proposals = await proposals.ListProposalsAsync(null, 100, cancellationToken);
}
