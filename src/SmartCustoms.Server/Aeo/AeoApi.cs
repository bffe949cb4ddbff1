using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Server.Access;
using SmartCustoms.Server.Declarations;
using SmartCustoms.Server.Exchange;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Aeo;
using SmartCustoms.Storage.Exchange;

namespace SmartCustoms.Server.Aeo;

/// <summary>
/// <c>/api/aeo</c>: this node's register of Authorised Economic Operators (read by officers and analysts, changed by
/// administrators) and the lists partners sent. Every change sends the new list to the partners that take it.
/// </summary>
public static class AeoApi
{
    /// <summary>Largest register file accepted by the import, in bytes (some 50,000 entries).</summary>
    public const int MaxImportBytes = 8 * 1024 * 1024;

    /// <summary>Most entries the import takes, the most a list sent to partners may hold.</summary>
    public const int MaxEntries = AeoListPayload.MaxEntries;

    /// <summary>Errors listed in one refusal; the detail says how many there were in all.</summary>
    public const int MaxErrorsListed = 1000;

    private const int MaxEntryBytes = 16 * 1024;

    public sealed record AeoView(
        string TraderId, string Name, string Country, string? Certificate, DateOnly ValidFrom, DateOnly? ValidTo, bool ValidToday, string UpdatedBy,
        DateTimeOffset UpdatedAt);

    /// <summary>What an import or a change did: the entries now on the register and the partners the new list goes to.</summary>
    public sealed record ChangeResult(int Entries, IReadOnlyList<string> SentTo);

    public sealed record PartnerEntryView(string TraderId, string Name, string Country, string? Certificate, DateOnly ValidFrom, DateOnly? ValidTo, bool ValidToday);

    /// <param name="Recognised">Whether the agreement with the sender treats its AEOs as AEOs here.</param>
    public sealed record PartnerListView(
        string Sender, bool Recognised, string MessageId, DateTimeOffset ListedAt, DateTimeOffset ReceivedAt, IReadOnlyList<PartnerEntryView> Entries);

    public static IServiceCollection AddAeo(this IServiceCollection services)
    {
        services.AddSingleton<AeoListOutbox>();
        services.AddSingleton<AeoStatus>();
        return services;
    }

    public static RouteGroupBuilder MapAeo(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/aeo").WithTags("AEO");
        group.MapGet("/", ListAsync).WithName("ListAeoRegister").WithSummary("This node's AEO register, by trader id")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Analyst, Roles.Officer));
        group.MapGet("/partners", PartnersAsync).WithName("ListPartnerAeoLists").WithSummary("The AEO lists partners sent, one in force per partner, with whether the agreement recognises it")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Analyst, Roles.Officer));
        group.MapGet("/{traderId}", GetAsync).WithName("GetAeoEntry").WithSummary("One entry of the register")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Analyst, Roles.Officer));
        group.MapPut("/{traderId}", PutAsync).WithName("PutAeoEntry").Produces<AeoView>().Produces<AeoView>(StatusCodes.Status201Created).WithSummary("Add or replace an entry (name, country, certificate, validFrom, validTo); the new list goes to partners")
            .Accepts<AeoRow>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapDelete("/{traderId}", DeleteAsync).WithName("RemoveAeoEntry").WithSummary("Remove an entry; the new list goes to partners")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapPost("/import", ImportAsync).WithName("ImportAeoRegister").Produces<ChangeResult>()
            .WithBodyLimit(MaxImportBytes)
            .WithSummary("Replace the whole register: CSV (text/csv, header " + AeoInput.CsvHeader + ") or a JSON array")
            .WithDescription("All or nothing: every faulty row is reported with its pointer (and its line in a CSV file) and then nothing is stored.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapPost("/send", SendAsync).WithName("SendAeoRegister").Produces<ChangeResult>().WithSummary("Send the register as it stands to every partner that takes it (e.g. one registered since the last change)")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));
        return group;
    }

    private static async Task<IResult> SendAsync(
        IAeoStore store, AeoListOutbox outbox, AeoStatus status, OutboxSignal signal, TimeProvider clock, CancellationToken cancellationToken)
    {
        var messages = await outbox.PrepareAsync(cancellationToken).ConfigureAwait(false);
        if (messages is null)
        {
            return Refusal.Single(RefusalKind.Conflict, "No partner takes the list",
                "No partner's agreement lists aeo-list among the types this node sends.", "aeo-list.no-partner", "").ToResult();
        }

        var sentTo = Recording(messages, out var recorded);
        var entries = 0;
        try
        {
            await store.SendAsync(clock.GetUtcNow(), state =>
            {
                entries = state.Entries.Count;
                return recorded!(state);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (AeoListTooLargeException ex)
        {
            return TooLarge(ex);
        }

        await ChangedAsync(status, signal, sentTo, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new ChangeResult(entries, sentTo));
    }

    private static async Task<Ok<List<AeoView>>> ListAsync(IAeoStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = Today(clock);
        var entries = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(entries.Select(e => View(e, today)).ToList());
    }

    private static async Task<IResult> GetAsync(string traderId, IAeoStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var entry = await store.GetAsync(AeoInput.NormaliseId(traderId), cancellationToken).ConfigureAwait(false);
        return entry is null ? NotOnRegister(traderId) : TypedResults.Ok(View(entry, Today(clock)));
    }

    private static async Task<IResult> PutAsync(
        string traderId, HttpRequest request, IAeoStore store, AeoListOutbox outbox, AeoStatus status, OutboxSignal signal, TimeProvider clock, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var body = await BodyReader.ReadAsync(request, MaxEntryBytes, cancellationToken).ConfigureAwait(false);
        if (!body.Succeeded)
        {
            return body.Refusal.ToResult();
        }

        if (!AeoInput.ReadJsonEntry(body.Value, traderId).TryGetValue(out var row, out var refused))
        {
            return Listed(refused);
        }

        var messages = await outbox.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var sentTo = Recording(messages, out var recorded);
        bool created;
        try
        {
            created = await store.SaveAsync(Entry(row, Caller.From(user).KeyId, now), recorded, cancellationToken).ConfigureAwait(false);
        }
        catch (AeoListTooLargeException ex)
        {
            return TooLarge(ex);
        }

        await ChangedAsync(status, signal, sentTo, cancellationToken).ConfigureAwait(false);
        var saved = await store.GetAsync(row.TraderId, cancellationToken).ConfigureAwait(false);
        var view = View(saved!, Today(clock));
        return created ? TypedResults.Created($"/api/aeo/{Uri.EscapeDataString(row.TraderId)}", view) : TypedResults.Ok(view);
    }

    private static async Task<IResult> DeleteAsync(
        string traderId, IAeoStore store, AeoListOutbox outbox, AeoStatus status, OutboxSignal signal, TimeProvider clock, CancellationToken cancellationToken)
    {
        var messages = await outbox.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var sentTo = Recording(messages, out var recorded);
        bool removed;
        try
        {
            removed = await store.DeleteAsync(AeoInput.NormaliseId(traderId), clock.GetUtcNow(), recorded, cancellationToken).ConfigureAwait(false);
        }
        catch (AeoListTooLargeException ex)
        {
            return TooLarge(ex);
        }

        if (!removed)
        {
            return NotOnRegister(traderId);
        }

        await ChangedAsync(status, signal, sentTo, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ImportAsync(
        HttpRequest request, IAeoStore store, AeoListOutbox outbox, AeoStatus status, OutboxSignal signal, TimeProvider clock, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        var csv = string.Equals(mediaType, "text/csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && !string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Refusal.Single(RefusalKind.UnsupportedMediaType, "Unsupported media type",
                "Send the register as text/csv (header " + AeoInput.CsvHeader + ") or as a JSON array (application/json).", "media-type.unsupported", "").ToResult();
        }

        var body = await BodyReader.ReadAsync(request, MaxImportBytes, cancellationToken).ConfigureAwait(false);
        if (!body.Succeeded)
        {
            return body.Refusal.ToResult();
        }

        if (!(csv ? AeoInput.ReadCsv(body.Value) : AeoInput.ReadJsonArray(body.Value)).TryGetValue(out var rows, out var refused))
        {
            return Listed(refused);
        }

        if (rows.Count > MaxEntries)
        {
            return Refusal.Single(RefusalKind.Invalid, "Too many entries",
                string.Create(CultureInfo.InvariantCulture, $"The register has {rows.Count} entries; at most {MaxEntries} are taken."), "aeo.too-many", "").ToResult();
        }

        var messages = await outbox.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var by = Caller.From(user).KeyId;
        var sentTo = Recording(messages, out var recorded);
        try
        {
            await store.ReplaceAllAsync([.. rows.Select(r => Entry(r, by, now))], now, recorded, cancellationToken).ConfigureAwait(false);
        }
        catch (AeoListTooLargeException ex)
        {
            return TooLarge(ex);
        }

        await ChangedAsync(status, signal, sentTo, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new ChangeResult(rows.Count, sentTo));
    }

    private static async Task<Ok<List<PartnerListView>>> PartnersAsync(IAeoStore store, IExchangeStore exchange, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = Today(clock);
        var lists = await store.ListPartnerListsAsync(cancellationToken).ConfigureAwait(false);
        var recognised = (await exchange.ListPartnersAsync(cancellationToken).ConfigureAwait(false))
            .Where(p => p.Agreement().AeoRecognised).Select(p => p.NodeId).ToHashSet(StringComparer.Ordinal);
        return TypedResults.Ok(lists.Select(l => new PartnerListView(
            l.Sender, recognised.Contains(l.Sender), l.MessageId, l.ListedAt, l.ReceivedAt,
            [.. l.Entries.Select(e => new PartnerEntryView(e.TraderId, e.Name, e.Country, e.Certificate, e.ValidFrom, e.ValidTo,
                e.ValidFrom <= today && (e.ValidTo is null || e.ValidTo >= today)))])).ToList());
    }

    /// <summary>Wraps the outbox so that the recipients of the committed change can be told back (the list is filled when the transaction runs).</summary>
    private static List<string> Recording(AeoOutbox? messages, out AeoOutbox? recorded)
    {
        var sentTo = new List<string>();
        recorded = messages is null ? null : state =>
        {
            var queued = messages(state);
            // A retried transaction runs this again: only its last run counts.
            sentTo.Clear();
            sentTo.AddRange(queued.Select(m => m.Recipient));
            return queued;
        };
        return sentTo;
    }

    private static async Task ChangedAsync(AeoStatus status, OutboxSignal signal, List<string> sentTo, CancellationToken cancellationToken)
    {
        await status.ChangedAsync(cancellationToken).ConfigureAwait(false);
        if (sentTo.Count > 0)
        {
            signal.Queued();
        }
    }

    private static AeoEntry Entry(AeoRow row, string by, DateTimeOffset at) =>
        new(row.TraderId, row.Name, row.Country, row.Certificate, row.ValidFrom, row.ValidTo, by, at);

    private static AeoView View(AeoEntry e, DateOnly today) =>
        new(e.TraderId, e.Name, e.Country, e.Certificate, e.ValidFrom, e.ValidTo, e.IsValidOn(today), e.UpdatedBy, e.UpdatedAt);

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static IResult NotOnRegister(string traderId) =>
        Refusal.Single(RefusalKind.NotFound, "Not on the register", $"Trader '{traderId}' is not on this node's AEO register.", "aeo.not-found", "").ToResult();

    private static IResult TooLarge(AeoListTooLargeException ex) =>
        Refusal.Single(RefusalKind.Conflict, "AEO list too large to send", ex.Message, "aeo-list.too-large", "").ToResult();

    /// <summary>The refusal with at most <see cref="MaxErrorsListed"/> of its issues; the detail says how many there were.</summary>
    private static IResult Listed(Refusal refusal) =>
        (refusal with
        {
            Detail = refusal.Issues.Count > MaxErrorsListed
                ? string.Create(CultureInfo.InvariantCulture, $"{refusal.Issues.Count} error(s) found; the first {MaxErrorsListed} are listed, each with its pointer (and line).")
                : string.Create(CultureInfo.InvariantCulture, $"{refusal.Issues.Count} error(s) found; each has its pointer (and line)."),
            Issues = [.. refusal.Issues.Take(MaxErrorsListed)],
        }).ToResult();
}
