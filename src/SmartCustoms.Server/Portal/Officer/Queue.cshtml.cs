using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Storage.Declarations;
using SmartCustoms.Storage.Risk;

namespace SmartCustoms.Server.Portal.Officer;

/// <summary>The officers' worklist: every declaration whose control waits for a result, red first, oldest first.</summary>
public sealed class QueueModel(IDeclarationStore store, IRiskStore risk, TimeProvider clock) : PortalPage
{
    // A working list, not a report: beyond this the filters are the way in.
    public const int MaxShown = 500;

    public sealed record Row(string Mrn, Lane? Lane, decimal? Score, string Office, TimeSpan Age, IReadOnlyList<string> Reasons);

    [BindProperty(SupportsGet = true)]
    public Lane? Lane { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<string> Offices { get; private set; } = [];

    public long Total { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var open = await store.ListAsync(new DeclarationQuery { ControlOpen = true, PageSize = MaxShown }, cancellationToken);
        var now = clock.GetUtcNow();
        var rows = new List<Row>();
        foreach (var item in open.Items)
        {
            // One look-up per open control: the office, score and reasons live with the assessment.
            var assessment = await risk.GetAssessmentAsync(item.Mrn, cancellationToken);
            var decision = assessment is null ? null : JsonSerializer.Deserialize<RiskDecision>(assessment.DecisionJson, CriterionJson.Options);
            rows.Add(new Row(item.Mrn, item.Lane, assessment?.Score, assessment?.Office ?? "—", now - item.AcceptedAt, [.. (decision?.Reasons ?? []).Take(3)]));
        }

        Total = open.Total;
        Offices = [.. rows.Select(r => r.Office).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Rows = [.. rows
            .Where(r => Lane is null || r.Lane == Lane)
            .Where(r => string.IsNullOrEmpty(Office) || string.Equals(r.Office, Office, StringComparison.Ordinal))
            .OrderBy(r => r.Lane switch { Domain.Risk.Lane.Red => 0, Domain.Risk.Lane.Yellow => 1, _ => 2 })
            .ThenByDescending(r => r.Age)];
    }
}
