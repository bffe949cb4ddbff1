using SmartCustoms.Storage.Risk;

namespace SmartCustoms.Storage.Exchange;

/// <summary>A registered partner node; card and agreement are kept exactly as registered (JSON).</summary>
public sealed record PartnerRecord(
    string NodeId, string Country, string BaseUrl, string CardJson, string AgreementJson, string RegisteredBy,
    DateTimeOffset RegisteredAt, DateTimeOffset UpdatedAt);

/// <summary>A message waiting in the outbox: its unsigned envelope, signed afresh at every delivery attempt.</summary>
public sealed record OutboxMessage(string Id, string Recipient, string Type, string EnvelopeJson, DateTimeOffset CreatedAt, int Attempts = 0);

/// <summary>A message accepted at the inbox, with the signed receipt it was answered with.</summary>
public sealed record InboxMessage(
    string Sender, string Id, string Type, DateTimeOffset CreatedAt, DateTimeOffset ReceivedAt, string Message, string PayloadJson, string Receipt);

/// <summary>What a partner exported (one record per message: at acceptance, again at release), with the keys an import is matched against it by.</summary>
public sealed record ExportDataRecord(
    string Sender, string MessageId, string Mrn, string Status, DateTimeOffset AcceptedAt, DateTimeOffset ReceivedAt, string DeclarationJson,
    IReadOnlyList<ExportDataKey> Keys);

/// <param name="Kind">One of <see cref="ExportDataKey.Container"/>, <see cref="ExportDataKey.TransportDocument"/>, <see cref="ExportDataKey.ExporterReference"/>.</param>
public sealed record ExportDataKey(string Kind, string Value)
{
    public const string Container = "container";
    public const string TransportDocument = "transport-document";
    public const string ExporterReference = "exporter-reference";

    /// <summary>The key in words, as explanations and pages name what matched: "container MSCU1234566".</summary>
    public string Description => Kind switch
    {
        Container => "container " + Value,
        TransportDocument => "transport document " + Value,
        ExporterReference => "the exporter's reference " + Value,
        _ => Kind + " " + Value,
    };
}

/// <summary>
/// What an accepted message changes at this node besides the inbox itself, written in the transaction that stores the
/// message, so that a message is either stored with its effects or not at all (and a replay changes nothing).
/// </summary>
public sealed record InboxEffects
{
    public static InboxEffects None { get; } = new();

    /// <summary>An <c>export-data</c> message's declaration fields and match keys.</summary>
    public ExportDataRecord? ExportData { get; init; }

    /// <summary>An <c>aeo-list</c> message's list: put in force for its sender only when newer than the list in force.</summary>
    public Aeo.PartnerAeoList? AeoList { get; init; }

    /// <summary>A <c>risk-alert</c> message's proposed criterion, waiting for an analyst's decision.</summary>
    public RiskProposal? Proposal { get; init; }

    /// <summary>A <c>control-result</c> message's outcome and seals, with its match keys.</summary>
    public ControlResultRecord? ControlResult { get; init; }
}

/// <summary>A partner's control of an export (one record per message), with the keys an import is matched against it by.</summary>
/// <param name="PayloadJson">The <c>control-result</c> payload as received.</param>
public sealed record ControlResultRecord(
    string Sender, string MessageId, string Mrn, string Office, bool Findings, DateTimeOffset InspectedAt, DateTimeOffset ReceivedAt,
    string PayloadJson, IReadOnlyList<ExportDataKey> Keys);

/// <summary>What partners sent that matches an import: their export data and control results, each with the key it matched by.</summary>
public sealed record PartnerMatches(
    IReadOnlyList<(ExportDataRecord Export, ExportDataKey MatchedBy)> Exports,
    IReadOnlyList<(ControlResultRecord Control, ExportDataKey MatchedBy)> Controls)
{
    public static PartnerMatches None { get; } = new([], []);
}

/// <summary>The inbox's answer: the receipt to send back, and whether this call stored the message (false for a replay).</summary>
public sealed record InboxResult(string Receipt, bool Stored);

/// <param name="Direction"><c>out</c> or <c>in</c>.</param>
/// <param name="Status">out: <c>pending</c> or <c>delivered</c>; in: <c>accepted</c>.</param>
public sealed record ExchangeMessageSummary(
    string Direction, string Id, string Partner, string Type, string Status, DateTimeOffset CreatedAt, DateTimeOffset? DoneAt, int Attempts,
    string? LastError);

/// <summary>Partners, the outbox, the inbox and the export data received. Implemented for SQLite and PostgreSQL.</summary>
public interface IExchangeStore
{
    /// <summary>Registers a partner, or replaces the card and agreement of one already registered.</summary>
    Task SavePartnerAsync(PartnerRecord partner, CancellationToken cancellationToken);

    Task<IReadOnlyList<PartnerRecord>> ListPartnersAsync(CancellationToken cancellationToken);

    Task<PartnerRecord?> GetPartnerAsync(string nodeId, CancellationToken cancellationToken);

    /// <summary>Queues a message on its own (messages caused by a declaration change are queued in that change's transaction).</summary>
    Task EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Takes up to <paramref name="limit"/> pending messages due at <paramref name="now"/>, oldest first, and holds them until
    /// <paramref name="leaseUntil"/>: another server polling the same database skips them meanwhile. Counts the attempt.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken) =>
        ClaimDueAsync(now, leaseUntil, limit, "", cancellationToken);

    /// <summary>As <see cref="ClaimDueAsync(DateTimeOffset, DateTimeOffset, int, CancellationToken)"/>, recording <paramref name="holder"/> (the claiming server) so that it can renew its claims.</summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, string holder, CancellationToken cancellationToken);

    /// <summary>
    /// Extends to <paramref name="leaseUntil"/> the claims <paramref name="holder"/> still has on these messages (a heartbeat
    /// while it delivers): a message delivered, failed or claimed by another server meanwhile is left alone.
    /// </summary>
    Task RenewClaimsAsync(IReadOnlyList<string> ids, string holder, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    Task MarkDeliveredAsync(string id, string receipt, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Marks several messages delivered, each with its partner's receipt, in one transaction.</summary>
    Task MarkDeliveredAsync(IReadOnlyList<(string Id, string Receipt)> delivered, DateTimeOffset at, CancellationToken cancellationToken);

    Task MarkFailedAsync(string id, string failure, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>When the next pending message is due, or null when none is pending.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);

    /// <summary>How many messages wait to be delivered (the outbox's depth).</summary>
    Task<long> CountPendingAsync(CancellationToken cancellationToken);

    /// <summary>The receipt a message from <paramref name="sender"/> was answered with, or null when it was never accepted.</summary>
    Task<string?> FindReceiptAsync(string sender, string id, CancellationToken cancellationToken);

    /// <summary>
    /// Stores an accepted message with its effects in one transaction; a message already stored (a replay racing this
    /// one) is not stored again, changes nothing, and its first receipt comes back.
    /// </summary>
    Task<InboxResult> AcceptAsync(InboxMessage message, InboxEffects effects, CancellationToken cancellationToken);

    /// <summary>Messages in and out, newest first.</summary>
    Task<IReadOnlyList<ExchangeMessageSummary>> ListMessagesAsync(string? direction, string? partner, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Export data and control results received whose keys are any of <paramref name="keys"/>, newest first, at most
    /// <paramref name="limit"/> of each per key; one read.
    /// </summary>
    Task<PartnerMatches> FindPartnerMatchesAsync(IReadOnlyList<ExportDataKey> keys, int limit, CancellationToken cancellationToken);

    /// <summary>Export data received whose key of the given kind has the given value, newest first.</summary>
    Task<IReadOnlyList<ExportDataRecord>> FindExportDataAsync(string kind, string value, int limit, CancellationToken cancellationToken);
}
