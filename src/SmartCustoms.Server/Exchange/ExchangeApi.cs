using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Server.Access;
using SmartCustoms.Server.Declarations;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Exchange;

namespace SmartCustoms.Server.Exchange;

public static class ExchangeApi
{
    // A card and an agreement are a few kilobytes; this leaves room for many keys and fields.
    private const int MaxRegistrationBytes = 256 * 1024;

    public sealed record PartnerView(
        string NodeId, string Country, string BaseUrl, JsonElement Card, JsonElement Agreement, string RegisteredBy, DateTimeOffset RegisteredAt, DateTimeOffset UpdatedAt);

    public sealed record RotationResult(string CurrentKid, NodeCard Card);

    public sealed record ExportDataView(
        string Sender, string Mrn, string Status, DateTimeOffset AcceptedAt, DateTimeOffset ReceivedAt, string MessageId, IReadOnlyList<ExportDataKey> Keys,
        JsonElement Declaration);

    public static IServiceCollection AddExchange(this IServiceCollection services, SmartCustomsOptions.ExchangeSection options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton<NodeKeyRing>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<ExportDataOutbox>();
        services.AddSingleton<ControlResultOutbox>();
        services.AddSingleton<InboxService>();
        services.AddHttpClient(DeliveryService.HttpClientName, client => client.Timeout = options.RequestTimeout + TimeSpan.FromSeconds(5));
        services.AddSingleton<DeliveryService>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryService>());
        return services;
    }

    public static RouteGroupBuilder MapExchange(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/exchange").WithTags("Exchange");
        group.MapGet("/node-card", NodeCard).WithName("GetNodeCard").WithSummary("This node's card: node id, country, base URL and public keys (JWK)").AllowAnonymous()
            .RequireRateLimiting(RateLimits.NodeCard);
        group.MapPost("/inbox", (HttpRequest request, InboxService inbox, CancellationToken ct) => inbox.ReceiveAsync(request, ct)).WithName("ReceiveExchangeMessage")
            .WithBodyLimit(o => o.Exchange.MaxMessageBytes).RequireRateLimiting(RateLimits.Inbox)
            .WithSummary("A partner's signed message (compact JWS, application/jose); answered with a signed receipt")
            .WithDescription("Authenticated by the signature alone: refused when the key is no registered partner's, the signature fails, the recipient is another node, the agreement does not allow the type, or the message is stale or future-dated. A replay gets the first receipt again.")
            .Accepts<string>(ExchangeMediaTypes.Jose)
            .Produces<string>(StatusCodes.Status200OK, ExchangeMediaTypes.Jose)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .AllowAnonymous();
        group.MapPost("/partners", RegisterAsync).WithName("RegisterPartner").Produces<PartnerView>(StatusCodes.Status201Created).WithSummary("Register a partner (or replace its card and agreement)")
            .WithBodyLimit(MaxRegistrationBytes)
            .Accepts<PartnerRegistration>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapGet("/partners", ListPartnersAsync).WithName("ListPartners").WithSummary("Registered partners with their cards and agreements")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapPost("/keys/rotation", RotateAsync).WithName("RotateSigningKey").WithSummary("Make a new signing key; the old one verifies until KeyGracePeriod ends")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapGet("/messages", ListMessagesAsync).WithName("ListExchangeMessages").WithSummary("Messages in and out with their status, newest first (audit)")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Officer, Roles.Analyst));
        group.MapGet("/export-data", ExportDataAsync).WithName("ListExportData").WithSummary("Export data received from partners, by container, transport document or exporter reference, latest first")
            .RequireAuthorization(p => p.RequireRole(Roles.Officer, Roles.Analyst));
        group.MapRiskAlerts();
        return group;
    }

    private static Ok<NodeCard> NodeCard(NodeKeyRing keys, IOptions<SmartCustomsOptions> options, HttpRequest request) =>
        TypedResults.Ok(CardOf(keys, options.Value, request));

    private static NodeCard CardOf(NodeKeyRing keys, SmartCustomsOptions options, HttpRequest request) => new()
    {
        NodeId = options.NodeId,
        Country = options.NodeId,
        BaseUrl = options.Exchange.BaseUrl?.TrimEnd('/') ?? $"{request.Scheme}://{request.Host}{request.PathBase}",
        Keys = keys.PublicKeys(),
    };

    private static async Task<IResult> RegisterAsync(
        HttpRequest request, IExchangeStore store, IOptions<SmartCustomsOptions> options, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var body = await BodyReader.ReadAsync(request, MaxRegistrationBytes, cancellationToken).ConfigureAwait(false);
        if (!body.Succeeded)
        {
            return body.Refusal.ToResult();
        }

        if (!PartnerValidation.Read<PartnerRegistration>(body.Value, "", "The registration could not be read.").TryGetValue(out var registration, out var unreadable))
        {
            return unreadable.ToResult();
        }

        var now = clock.GetUtcNow();
        var issues = PartnerValidation.Check(registration, options.Value.NodeId, now);
        if (issues.Count == 0)
        {
            var registered = await store.ListPartnersAsync(cancellationToken).ConfigureAwait(false);
            issues = PartnerValidation.CheckKeysNotTaken(registration.Card!, registered.Select(p => p.Card()));
        }

        if (issues.Count > 0)
        {
            return Refusal.Invalid("The registration has errors.", issues).ToResult();
        }

        var record = PartnerRecords.From(registration, Caller.From(user).KeyId, now);
        await store.SavePartnerAsync(record, cancellationToken).ConfigureAwait(false);
        // The risk engine uses what partners send under their agreement: from the next declaration on.
        await request.HttpContext.RequestServices.GetRequiredService<Risk.RiskAssessor>().ChangedAsync(cancellationToken).ConfigureAwait(false);
        var saved = await store.GetPartnerAsync(record.NodeId, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/exchange/partners/{record.NodeId}", View(saved!));
    }

    private static async Task<Ok<IReadOnlyList<PartnerView>>> ListPartnersAsync(IExchangeStore store, CancellationToken cancellationToken)
    {
        var partners = await store.ListPartnersAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<PartnerView> views = [.. partners.Select(View)];
        return TypedResults.Ok(views);
    }

    private static PartnerView View(PartnerRecord p) => new(
        p.NodeId, p.Country, p.BaseUrl, JsonSerializer.Deserialize<JsonElement>(p.CardJson), JsonSerializer.Deserialize<JsonElement>(p.AgreementJson),
        p.RegisteredBy, p.RegisteredAt, p.UpdatedAt);

    private static async Task<Ok<RotationResult>> RotateAsync(NodeKeyRing keys, IOptions<SmartCustomsOptions> options, HttpRequest request, CancellationToken cancellationToken)
    {
        var kid = await keys.RotateAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new RotationResult(kid, CardOf(keys, options.Value, request)));
    }

    private static async Task<IResult> ListMessagesAsync(
        IExchangeStore store, CancellationToken cancellationToken, string? direction = null, string? partner = null, int limit = 100)
    {
        if (direction is not (null or "in" or "out") || limit is < 1 or > 1000)
        {
            return Refusal.Single(RefusalKind.Invalid, "Bad query", "direction is in or out (or absent for both); limit is between 1 and 1000.", "query.invalid", "").ToResult();
        }

        return TypedResults.Ok(await store.ListMessagesAsync(direction, partner, limit, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<IResult> ExportDataAsync(
        IExchangeStore store, CancellationToken cancellationToken, string? container = null, string? transportDocument = null, string? exporterReference = null)
    {
        var given = new[] { (ExportDataKey.Container, container), (ExportDataKey.TransportDocument, transportDocument), (ExportDataKey.ExporterReference, exporterReference) }
            .Where(k => !string.IsNullOrWhiteSpace(k.Item2)).ToList();
        if (given.Count != 1)
        {
            return Refusal.Single(RefusalKind.Invalid, "One key", "Give exactly one of container, transportDocument or exporterReference.", "query.invalid", "").ToResult();
        }

        var (kind, value) = given[0];
        var found = await store.FindExportDataAsync(kind, InboxPayloads.NormaliseKey(value!), 100, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(found.Select(d => new ExportDataView(
            d.Sender, d.Mrn, d.Status, d.AcceptedAt, d.ReceivedAt, d.MessageId, d.Keys, JsonSerializer.Deserialize<JsonElement>(d.DeclarationJson))).ToList());
    }
}
