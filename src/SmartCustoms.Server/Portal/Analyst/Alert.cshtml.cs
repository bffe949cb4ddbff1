using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Server.Exchange;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Exchange;

namespace SmartCustoms.Server.Portal.Analyst;

/// <summary>
/// An analyst alerts a partner administration: free text and the targeting data that become a proposed criterion
/// there, sent through the same use case as <c>POST /api/exchange/alerts</c>.
/// </summary>
public sealed class AlertModel(IExchangeStore store, OutboxSignal signal, IOptions<SmartCustomsOptions> options, TimeProvider clock) : PortalPage
{
    private static readonly char[] Separators = [' ', ',', ';', '\n', '\r', '\t'];

    /// <summary>The partners whose agreement lets this node send risk alerts.</summary>
    public IReadOnlyList<PartnerRecord> Partners { get; private set; } = [];

    public string? Sent { get; private set; }

    [BindProperty]
    public string? Partner { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? HsCodes { get; set; }

    [BindProperty]
    public string? Origins { get; set; }

    [BindProperty]
    public string? ExportCountries { get; set; }

    [BindProperty]
    public string? Parties { get; set; }

    /// <summary>As typed: read by <see cref="TypedNumber"/>, so that "1,000" or "thirty" is refused, not dropped.</summary>
    [BindProperty]
    public string? ValidDays { get; set; }

    public async Task OnGetAsync(string? sent, CancellationToken cancellationToken)
    {
        Sent = sent;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        int? validDays = null;
        if (!string.IsNullOrWhiteSpace(ValidDays))
        {
            if (!TypedNumber.ReadWholeNumber(ValidDays, NumberConvention.Of(Request), "Valid for (days)", "/targeting/validDays").TryGetValue(out var days, out var unreadable))
            {
                Show(unreadable);
                await LoadAsync(cancellationToken);
                return Page();
            }

            validDays = days;
        }

        var alert = new AlertsApi.RiskAlertRequest
        {
            Partner = Partner,
            Title = Title,
            Text = Text,
            Targeting = new RiskAlertTargeting
            {
                HsCodes = List(HsCodes), Origins = List(Origins), ExportCountries = List(ExportCountries), Parties = List(Parties), ValidDays = validDays,
            },
        };
        var sent = await AlertsApi.SendAsync(alert, store, signal, options.Value.NodeId, clock, cancellationToken);
        if (!sent.TryGetValue(out var queued, out var refusal))
        {
            Show(refusal);
            await LoadAsync(cancellationToken);
            return Page();
        }

        return RedirectToPage("/Analyst/Alert", new { sent = $"Alert queued for {queued.Partner} as message {queued.Id}; it is delivered in the background (see the exchange messages)." });
    }

    private static List<string>? List(string? text)
    {
        var values = (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return values.Length == 0 ? null : [.. values];
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Partners = [.. OutboxEnvelopes.Allowing(await store.ListPartnersAsync(cancellationToken), MessageTypes.RiskAlert).Select(p => p.Partner)];
}
