using System.Diagnostics;
using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.ReferenceData;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Domain.Validation;
using SmartCustoms.Server.Access;
using SmartCustoms.Server.Exchange;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Server.Risk;
using SmartCustoms.Server.Tariffs;
using SmartCustoms.Storage.Declarations;

namespace SmartCustoms.Server.Declarations;

/// <summary>Reads, checks and stores a submitted declaration: the lodging and amendment use cases.</summary>
public sealed partial class LodgingService(
    IDeclarationStore store, TariffCache tariffs, RiskAssessor risk, ExportDataOutbox exportData, OutboxSignal outbox,
    IOptions<SmartCustomsOptions> options, TimeProvider clock, ILogger<LodgingService> logger)
{
    private readonly SmartCustomsOptions _options = options.Value;

    /// <summary>A checked declaration ready to store: the declaration bound to its declarant, its check and its content hash.</summary>
    public sealed record Checked(Declaration Declaration, CheckResult Result, string ContentHash);

    /// <summary>What lodging stored: <see cref="LodgeOutcome.Created"/>, or <see cref="LodgeOutcome.Duplicate"/> for the same content again.</summary>
    public sealed record Lodged(LodgeOutcome Outcome, DeclarationRecord Record);

    public int MaxDeclarationBytes => _options.Limits.MaxDeclarationBytes;

    /// <summary>The API's lodging: the body in the format its Content-Type names.</summary>
    public async Task<IResult> LodgeAsync(HttpRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(request, cancellationToken).ConfigureAwait(false);
        var lodged = read.TryGetValue(out var body, out var problem)
            ? await LodgeAsync(body.Bytes, body.Format, caller, cancellationToken).ConfigureAwait(false)
            : problem;
        return lodged.ToResult(stored =>
        {
            var response = DeclarationResponse.From(stored.Record);
            return stored.Outcome == LodgeOutcome.Created
                ? TypedResults.Created($"/api/declarations/{stored.Record.Mrn}", response)
                : TypedResults.Ok(response);
        });
    }

    /// <summary>Lodging as the API and the web portal share it: a document's bytes in a known format, for a caller.</summary>
    public async Task<Outcome<Lodged>> LodgeAsync(byte[] body, DeclarationFormat format, Caller caller, CancellationToken cancellationToken)
    {
        using var activity = NodeTelemetry.Source.StartActivity("lodge");
        var started = Stopwatch.GetTimestamp();
        var lodged = await LodgeCoreAsync(body, format, caller, cancellationToken).ConfigureAwait(false);
        var tags = new TagList
        {
            { "format", format == DeclarationFormat.WcoXml ? "wco-xml" : "json" },
            { "outcome", lodged.Match(stored => stored.Outcome.ToString(), refusal => refusal.Kind == RefusalKind.Conflict ? nameof(LodgeOutcome.Conflict) : "refused").ToLowerInvariant() },
        };
        NodeTelemetry.Lodgings.Add(1, tags);
        NodeTelemetry.LodgingDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        activity?.SetTag("smartcustoms.outcome", tags[1].Value);
        return lodged;
    }

    private async Task<Outcome<Lodged>> LodgeCoreAsync(byte[] body, DeclarationFormat format, Caller caller, CancellationToken cancellationToken)
    {
        var checkedDeclaration = await CheckAsync(body, format, caller, cancellationToken).ConfigureAwait(false);
        if (!checkedDeclaration.TryGetValue(out var valid, out var problem))
        {
            return problem;
        }

        var (declaration, result, hash) = valid;
        var outcome = await risk.AssessAsync(declaration, result, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var (status, notifications) = Selection(declaration, result, outcome.Decision.Lane, now);
        var messages = await exportData.PrepareAsync(declaration, status, now, cancellationToken).ConfigureAwait(false);
        var lodged = await store.LodgeAsync(new LodgeRequest
        {
            DeclarantId = declaration.Declarant!.Id!,
            Lrn = declaration.Lrn!,
            ContentHash = hash,
            Declaration = declaration,
            Status = status,
            Assessment = result.Assessment,
            Warnings = result.Warnings,
            AcceptedAt = now,
            MrnFactory = sequence => Mrn.Create(now, _options.NodeId, sequence, declaration.Type),
            Notifications = notifications,
            Risk = outcome.Stored,
            Outbox = messages,
        }, cancellationToken).ConfigureAwait(false);
        switch (lodged.Outcome)
        {
            case LodgeOutcome.Created:
                risk.Observe(outcome.Office, outcome.Decision.Score);
                NodeTelemetry.Lanes.Add(1, new KeyValuePair<string, object?>("lane", outcome.Decision.Lane.ToString().ToLowerInvariant()));
                if (messages is not null)
                {
                    outbox.Queued();
                }

                LogLodged(logger, lodged.Record.Mrn, lodged.Record.DeclarantId, result.Warnings.Count);
                return new Lodged(LodgeOutcome.Created, lodged.Record);
            case LodgeOutcome.Duplicate:
                return new Lodged(LodgeOutcome.Duplicate, lodged.Record);
            default:
                return Refusal.Single(RefusalKind.Conflict, "LRN already used",
                    $"LRN '{declaration.Lrn}' was already lodged by {declaration.Declarant.Id} as {lodged.Record.Mrn} with other content; use a new LRN or amend {lodged.Record.Mrn}.",
                    "lrn.conflict", "/lrn");
        }
    }

    /// <summary>
    /// What the lane means for the goods: red and yellow hold them under control (DMSCTL); green and blue release them
    /// at once (DMSROG) when the node releases automatically, else they wait for an officer as assessed.
    /// </summary>
    private (DeclarationStatus Status, IReadOnlyList<NewNotification> Notifications) Selection(
        Declaration declaration, CheckResult result, Lane lane, DateTimeOffset now)
    {
        var lrn = declaration.Lrn!;
        var status = RiskAssessor.IsControl(lane) ? DeclarationStatus.UnderControl
            : _options.Risk.AutoRelease ? DeclarationStatus.Released
            : result.Assessment is null && !declaration.IsImport ? DeclarationStatus.Accepted : DeclarationStatus.Assessed;
        var notifications = Notifications.ForAcceptance(lrn, 1, status, result.Assessment, now).ToList();
        if (status == DeclarationStatus.UnderControl)
        {
            notifications.Add(Notifications.Create(NotificationKind.Control, lrn, 1, status, now, ControlView.ConsequenceText(lane)));
        }
        else if (status == DeclarationStatus.Released)
        {
            notifications.Add(Notifications.Create(NotificationKind.Released, lrn, 1, status, now));
        }

        return (status, notifications);
    }

    /// <summary>Reads the body in the format its Content-Type names, binds it to the caller and checks it.</summary>
    public async Task<Outcome<Checked>> ReadAndCheckAsync(HttpRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(request, cancellationToken).ConfigureAwait(false);
        return read.TryGetValue(out var body, out var refusal)
            ? await CheckAsync(body.Bytes, body.Format, caller, cancellationToken).ConfigureAwait(false)
            : refusal;
    }

    private async Task<Outcome<(byte[] Bytes, DeclarationFormat Format)>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var format = FormatOf(request.ContentType);
        if (format is null)
        {
            return Refusal.Single(RefusalKind.UnsupportedMediaType, "Unsupported media type",
                "Send a declaration as application/json or as WCO DMS XML (application/xml).", "body.media-type", "");
        }

        var body = await BodyReader.ReadAsync(request, _options.Limits.MaxDeclarationBytes, cancellationToken).ConfigureAwait(false);
        return body.Then<(byte[], DeclarationFormat)>(bytes => (bytes, format.Value));
    }

    /// <summary>Reads a document in the given format, binds it to the caller and checks it: every error points at its field.</summary>
    public async Task<Outcome<Checked>> CheckAsync(byte[] body, DeclarationFormat format, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(caller);
        if (body.Length > _options.Limits.MaxDeclarationBytes)
        {
            return Refusal.TooLarge(_options.Limits.MaxDeclarationBytes);
        }

        var document = DeclarationDocument.Read(body, format);
        var errors = document.Issues.Where(i => i.Severity == IssueSeverity.Error).ToList();
        if (document.Declaration is null || errors.Count > 0)
        {
            // Reader issues already carry pointers in the submitter's format.
            return Refusal.Invalid("The declaration could not be read.", document.Issues);
        }

        var declaration = BindDeclarant(document.Declaration, caller);
        if (caller.IsTrader && !string.Equals(declaration.Declarant?.Id, caller.PartyId, StringComparison.Ordinal))
        {
            return Refusal.Single(RefusalKind.Forbidden, "Not your declaration",
                $"This API key lodges for {caller.PartyId}; the declarant is {declaration.Declarant?.Id}.", "declarant.not-caller",
                document.PointerFor("/declarant/id"));
        }

        var tariff = await tariffs.GetAsync(cancellationToken).ConfigureAwait(false);
        var result = DeclarationCheck.Run(declaration, Context(), tariff);
        if (!result.IsAccepted)
        {
            return Refusal.Invalid("The declaration has errors.", result.Errors).WithPointers(document.PointerFor);
        }

        // Reader warnings already point in the submitter's format; the validator's are translated.
        var warnings = document.Issues.Where(i => i.Severity == IssueSeverity.Warning)
            .Concat(result.Warnings.Select(w => w with { Pointer = document.PointerFor(w.Pointer) })).ToList();
        return new Checked(declaration, result with { Warnings = warnings }, DeclarationJson.ContentHash(declaration));
    }

    public ValidationContext Context() => new()
    {
        Catalog = ReferenceCatalog.Default,
        Now = clock.GetUtcNow(),
        StrictContainerNumbers = _options.StrictContainerNumbers,
        InvoiceTolerance = _options.InvoiceTolerancePercent / 100m,
    };

    /// <summary>A trader lodging without naming the declarant lodges as itself.</summary>
    private static Declaration BindDeclarant(Declaration declaration, Caller caller) =>
        caller.IsTrader && string.IsNullOrWhiteSpace(declaration.Declarant?.Id)
            ? declaration with { Declarant = (declaration.Declarant ?? new Party()) with { Id = caller.PartyId } }
            : declaration;

    /// <summary>The format a media type names (JSON when none is given), or null for any other.</summary>
    public static DeclarationFormat? FormatOf(string? contentType)
    {
        var mediaType = contentType?.Split(';')[0].Trim().ToUpperInvariant();
        return mediaType switch
        {
            "APPLICATION/JSON" or null or "" => DeclarationFormat.Json,
            "APPLICATION/XML" or "TEXT/XML" => DeclarationFormat.WcoXml,
            _ when mediaType.EndsWith("+JSON", StringComparison.Ordinal) => DeclarationFormat.Json,
            _ when mediaType.EndsWith("+XML", StringComparison.Ordinal) => DeclarationFormat.WcoXml,
            _ => null,
        };
    }

    [LoggerMessage(EventId = 1, EventName = "Lodged", Level = LogLevel.Information,
        Message = "Declaration {Mrn} lodged by {DeclarantId} with {WarningCount} warning(s)")]
    private static partial void LogLodgedMessage(ILogger logger, string mrn, string declarantId, int warningCount, Exception? exception);

    private static void LogLodged(ILogger logger, string mrn, string declarantId, int warnings) =>
        LogLodgedMessage(logger, mrn, declarantId, warnings, null);
}
