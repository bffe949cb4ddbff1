using Microsoft.AspNetCore.Mvc;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Server.Declarations;
using SmartCustoms.Server.Exchange;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Declarations;
using SmartCustoms.Storage.Exchange;
using SmartCustoms.Storage.Risk;

namespace SmartCustoms.Server.Portal.Officer;

/// <summary>One declaration as customs sees it, with the officer's actions: release and re-routing with a reason.</summary>
public sealed class DeclarationModel(
    IDeclarationStore store, IRiskStore risk, IExchangeStore exchange, TransitionService transitions, ControlService controls) : PortalPage
{
    private static readonly Dictionary<string, string> Confirmations = new(StringComparer.Ordinal)
    {
        ["released"] = "The goods are released.",
        ["rerouted"] = "The declaration was re-routed.",
        ["inspected"] = "The inspection result is recorded.",
    };

    public DeclarationRecord Record { get; private set; } = null!;

    public RiskView Risk { get; private set; } = null!;

    public IReadOnlyList<NotificationResponse> History { get; private set; } = [];

    /// <summary>Export data partners sent for the same containers or transport document, newest first.</summary>
    public IReadOnlyList<PartnerExport> PartnerData { get; private set; } = [];

    /// <summary>Control results partners sent for the same goods, newest first.</summary>
    public IReadOnlyList<PartnerControl> PartnerControls { get; private set; } = [];

    public string? Confirmation { get; private set; }

    [BindProperty]
    public Lane? NewLane { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string mrn, string? done, CancellationToken cancellationToken)
    {
        Confirmation = done is not null && Confirmations.TryGetValue(done, out var text) ? text : null;
        return await LoadAsync(mrn, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostReleaseAsync(string mrn, CancellationToken cancellationToken) =>
        await AnswerAsync(mrn, await transitions.ChangeAsync(mrn, DeclarationAction.Release, null, Caller, cancellationToken), "released", cancellationToken);

    public async Task<IActionResult> OnPostRerouteAsync(string mrn, CancellationToken cancellationToken) =>
        await AnswerAsync(mrn, await controls.RerouteAsync(mrn, NewLane, Reason, Caller, cancellationToken), "rerouted", cancellationToken);

    /// <summary>Post, redirect, get on success; on a refusal the page again, with its errors.</summary>
    private async Task<IActionResult> AnswerAsync(string mrn, Outcome<DeclarationRecord> outcome, string done, CancellationToken cancellationToken)
    {
        if (outcome.TryGetValue(out _, out var refusal))
        {
            return RedirectToPage(new { mrn, done });
        }

        if (refusal.IsNotFound())
        {
            return NotFound();
        }

        Show(refusal);
        return await LoadAsync(mrn, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string mrn, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(mrn, null, cancellationToken);
        if (record is null)
        {
            return false;
        }

        Record = record;
        Risk = ControlView.From(record, await risk.GetControlHistoryAsync(mrn, cancellationToken));
        History = [.. (await store.GetNotificationsAsync(mrn, 0, 1000, cancellationToken)).Select(Notifications.ToResponse)];
        (PartnerData, PartnerControls) = await PartnerDataAsync(record.Declaration, cancellationToken);
        return true;
    }

    /// <summary>What partners sent for the same containers, transport document or exporter's reference: one read.</summary>
    private async Task<(IReadOnlyList<PartnerExport>, IReadOnlyList<PartnerControl>)> PartnerDataAsync(Declaration declaration, CancellationToken cancellationToken)
    {
        var matches = await exchange.FindPartnerMatchesAsync(Server.Risk.PartnerEvidenceReader.Keys(declaration), 5, cancellationToken);
        IReadOnlyList<PartnerExport> exports = [.. matches.Exports
            .DistinctBy(m => (m.Export.Sender, m.Export.MessageId))
            .OrderByDescending(m => m.Export.ReceivedAt)
            .Select(m => new PartnerExport(m.Export, m.MatchedBy.Description, DeclarationJson.TryDeserialize(m.Export.DeclarationJson)))];
        IReadOnlyList<PartnerControl> controls = [.. matches.Controls
            .DistinctBy(m => (m.Control.Sender, m.Control.MessageId))
            .OrderByDescending(m => m.Control.InspectedAt)
            .Select(m => new PartnerControl(m.Control, m.MatchedBy.Description, Domain.Exchange.ControlResultPayload.TryRead(m.Control.PayloadJson)))];
        return (exports, controls);
    }

    /// <summary>A partner's control result matched by <paramref name="MatchedBy"/>; <paramref name="Result"/> null when it no longer reads.</summary>
    public sealed record PartnerControl(ControlResultRecord Record, string MatchedBy, Domain.Exchange.ControlResultPayload? Result);

    /// <summary>A partner's export declaration matched by <paramref name="MatchedBy"/>, with the fields the agreement shares.</summary>
    public sealed record PartnerExport(ExportDataRecord Record, string MatchedBy, Declaration? Shared);
}
