using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Server.Risk;
using SmartCustoms.Storage.Risk;

namespace SmartCustoms.Server.Portal.Analyst;

/// <summary>
/// The criterion editor: the criterion as JSON, saved through the API's own save (parse, compile, store), so that
/// every error the API would answer is shown here beside its pointer.
/// </summary>
public sealed class CriterionModel(IRiskStore store, RiskAssessor assessor, TimeProvider clock) : PortalPage
{
    private static readonly JsonSerializerOptions Indented = new(CriterionJson.Options) { WriteIndented = true };

    /// <summary>The id of the criterion being edited; none for a new one.</summary>
    public string? Id { get; private set; }

    public int? Version { get; private set; }

    [BindProperty]
    public string Json { get; set; } = """
        { "id": "", "name": "", "weight": 100,
          "when": { "field": "hsCode", "op": "startsWith", "value": "" } }
        """;

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            return Page();
        }

        var history = await store.HistoryAsync(id, cancellationToken);
        if (history.Count == 0)
        {
            return NotFound();
        }

        (Id, Version) = (id, history[^1].Version);
        Json = JsonSerializer.Serialize(history[^1].Document, Indented);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken cancellationToken)
    {
        Id = id;
        var saved = await CriteriaApi.SaveAsync(Json, id, store, assessor, clock, Caller, cancellationToken);
        if (saved.TryGetValue(out var stored, out var refusal))
        {
            return RedirectToPage("/Analyst/Criteria", new { saved = stored.Id });
        }

        if (refusal.IsNotFound())
        {
            return NotFound();
        }

        Show(refusal);
        return Page();
    }
}
