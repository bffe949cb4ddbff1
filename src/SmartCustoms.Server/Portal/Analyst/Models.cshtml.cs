using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Server.Models;
using SmartCustoms.Server.Risk;
using SmartCustoms.Storage.Models;

namespace SmartCustoms.Server.Portal.Analyst;

/// <summary>The fraud-model registry: every version with its validation metrics, and activation with a reason (as the API does it).</summary>
public sealed class ModelsModel(IModelStore models, RiskAssessor assessor, TimeProvider clock) : PortalPage
{
    public IReadOnlyList<ModelResponse> Models { get; private set; } = [];

    public string? Activated { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task OnGetAsync(long? activated, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Activated = Models.FirstOrDefault(m => m.Id == activated && m.Active) is { } model
            ? $"Model {model.Id} is in service; every server scores with it within its refresh period."
            : null;
    }

    public async Task<IActionResult> OnPostActivateAsync(long id, CancellationToken cancellationToken)
    {
        var activated = await ModelsApi.ActivateVersionAsync(id, Reason, models, assessor, clock, Caller, cancellationToken);
        if (activated.TryGetValue(out var model, out var refusal))
        {
            return RedirectToPage(new { activated = model.Id });
        }

        if (refusal.IsNotFound())
        {
            return NotFound();
        }

        Show(refusal);
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The scalar figures of one object of a model's info (its validation metrics, say), as name and value.</summary>
    public static IEnumerable<(string Name, string Value)> Figures(JsonElement info, params string[] path)
    {
        var element = info;
        foreach (var step in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(step, out element))
            {
                yield break;
            }
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind is JsonValueKind.Number or JsonValueKind.String)
            {
                yield return (property.Name, property.Value.ToString());
            }
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Models = [.. (await models.ListAsync(cancellationToken)).Select(ModelResponse.From)];
}
