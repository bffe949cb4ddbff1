using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Validation;
using SmartCustoms.Server.Access;
using SmartCustoms.Server.Declarations;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Exchange;

namespace SmartCustoms.Server.Exchange;

/// <summary>
/// Risk alerts an analyst sends to a partner administration (<c>risk-alert</c> messages): checked here by the rules the
/// receiver applies, queued in the outbox (kept there for audit) and delivered like every partner message.
/// </summary>
public static class AlertsApi
{
    // Title, text (4,000 characters) and a few hundred targeting entries fit easily.
    private const int MaxAlertBytes = 32 * 1024;

    /// <summary>What an analyst sends: the partner's node id and the alert.</summary>
    public sealed record RiskAlertRequest
    {
        public string? Partner { get; init; }
        public string? Title { get; init; }
        public string? Text { get; init; }
        public RiskAlertTargeting? Targeting { get; init; }
    }

    /// <summary>The queued message: listed by <c>GET /api/exchange/messages?direction=out</c> with its delivery status.</summary>
    public sealed record QueuedAlert(string Id, string Partner, string Type, string Status, DateTimeOffset CreatedAt);

    public static RouteGroupBuilder MapRiskAlerts(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/alerts", ReceiveAsync).WithName("SendRiskAlert").WithSummary("Send a risk alert to a partner; it becomes a proposed criterion there")
            .WithDescription("Queued in the outbox and delivered in the background; 202 with the message id. Refused when the partner is unknown (422) or its agreement does not let this node send risk-alert (409).")
            .Accepts<RiskAlertRequest>("application/json")
            .Produces<QueuedAlert>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(p => p.RequireRole(Roles.Analyst));
        return group;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request, IExchangeStore store, OutboxSignal signal, IOptions<SmartCustomsOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await BodyReader.ReadAsync(request, MaxAlertBytes, cancellationToken).ConfigureAwait(false);
        if (!body.Succeeded)
        {
            return body.Refusal.ToResult();
        }

        if (!PartnerValidation.Read<RiskAlertRequest>(body.Value, "", "The alert could not be read.").TryGetValue(out var alert, out var unreadable))
        {
            return unreadable.ToResult();
        }

        var sent = await SendAsync(alert, store, signal, options.Value.NodeId, clock, cancellationToken).ConfigureAwait(false);
        return sent.ToResult(queued => TypedResults.Accepted($"/api/exchange/messages?direction=out&partner={queued.Partner}", queued));
    }

    /// <summary>Sending as the API and the web portal share it: checked, then queued for the partner, or refused with every error and its pointer.</summary>
    public static async Task<Outcome<QueuedAlert>> SendAsync(
        RiskAlertRequest alert, IExchangeStore store, OutboxSignal signal, string nodeId, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(clock);
        var payload = RiskAlerts.Normalise(new RiskAlertPayload { Title = alert.Title, Text = alert.Text, Targeting = alert.Targeting });
        var issues = new List<Issue>();
        var partnerId = alert.Partner?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(partnerId))
        {
            issues.Add(new Issue("required", "partner is required: the node id of the administration to alert, e.g. SG.", "/partner"));
        }

        issues.AddRange(RiskAlerts.Check(payload));
        if (issues.Count > 0)
        {
            return Refusal.Invalid("The alert has errors.", issues);
        }

        var partner = await store.GetPartnerAsync(partnerId!, cancellationToken).ConfigureAwait(false);
        if (partner is null)
        {
            return Refusal.Single(RefusalKind.Unprocessable, "Unknown partner",
                $"'{partnerId}' is no registered partner of this node: an administrator registers it first.", "partner.unknown", "/partner");
        }

        if (!partner.Agreement().WeSend.Contains(MessageTypes.RiskAlert, StringComparer.Ordinal))
        {
            return Refusal.Single(RefusalKind.Conflict, "Not agreed",
                $"The agreement with {partner.NodeId} does not let this node send {MessageTypes.RiskAlert} messages (weSend).", "partner.not-agreed", "/partner");
        }

        var message = OutboxEnvelopes.Create(nodeId, partner.NodeId, MessageTypes.RiskAlert, payload, clock.GetUtcNow());
        await store.EnqueueAsync(message, cancellationToken).ConfigureAwait(false);
        signal.Queued();
        return new QueuedAlert(message.Id, partner.NodeId, message.Type, "pending", message.CreatedAt);
    }
}
