using System.Data.Common;
using System.Globalization;
using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Risk;

/// <summary>The states of a <see cref="RiskProposal"/>: proposed until an analyst adopts or dismisses it, once.</summary>
public static class RiskProposalStatus
{
    public const string Proposed = "proposed";
    public const string Adopted = "adopted";
    public const string Dismissed = "dismissed";

    public static bool IsKnown(string? status) => status is Proposed or Adopted or Dismissed;
}

/// <summary>
/// A partner's risk alert as received, with the criterion it proposes (criterion document JSON). Nothing of it applies
/// to lodging until an analyst adopts it: then <see cref="CriterionId"/> and <see cref="CriterionVersion"/> name the criterion saved.
/// </summary>
/// <param name="TargetingJson">The alert's targeting as sent (JSON).</param>
/// <param name="CriterionJson">The proposed criterion (JSON); on adoption the criterion actually saved may differ (edited).</param>
/// <param name="CreatedAt">When the sender issued the alert.</param>
public sealed record RiskProposal(
    string Id, string Sender, string MessageId, string Title, string Text, string TargetingJson, string CriterionJson,
    DateTimeOffset CreatedAt, DateTimeOffset ReceivedAt, string Status = RiskProposalStatus.Proposed, string? DecidedBy = null,
    DateTimeOffset? DecidedAt = null, string? Reason = null, string? CriterionId = null, int? CriterionVersion = null);

/// <summary>The proposals made by partners' risk alerts, and the analysts' decisions on them. Implemented for SQLite and PostgreSQL.</summary>
public interface IRiskProposalStore
{
    /// <summary>Proposals, newest received first; only those of <paramref name="status"/> when given.</summary>
    Task<IReadOnlyList<RiskProposal>> ListProposalsAsync(string? status, int limit, CancellationToken cancellationToken);

    Task<RiskProposal?> GetProposalAsync(string id, CancellationToken cancellationToken);

    /// <summary>Records the adoption of a proposal still proposed; false when it was decided meanwhile (or is unknown).</summary>
    Task<bool> MarkAdoptedAsync(string id, string criterionId, int criterionVersion, string by, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Dismisses a proposal still proposed; false when it was decided meanwhile (or is unknown).</summary>
    Task<bool> DismissAsync(string id, string reason, string by, DateTimeOffset at, CancellationToken cancellationToken);
}

internal sealed class RiskProposalStore(StorageBackend backend) : IRiskProposalStore
{
    private const string Columns =
        "id, sender, message_id, title, text, targeting, criterion, created_at, received_at, status, decided_by, decided_at, reason, criterion_id, criterion_version";

    private readonly SqlDialect _dialect = backend.Dialect;

    public Task<IReadOnlyList<RiskProposal>> ListProposalsAsync(string? status, int limit, CancellationToken cancellationToken) =>
        backend.ReadAsync<IReadOnlyList<RiskProposal>>(async (session, ct) =>
        {
            // No "@status IS NULL" test: PostgreSQL cannot type a parameter that is only ever null.
            (string, object?)[] args = status is null ? [("@limit", limit)] : [("@status", status), ("@limit", limit)];
            return await session.QueryAsync(
                $"SELECT {Columns} FROM risk_proposals " + (status is null ? "" : "WHERE status = @status ") + "ORDER BY received_at DESC, id DESC LIMIT @limit",
                Read, ct, args).ConfigureAwait(false);
        }, cancellationToken);

    public Task<RiskProposal?> GetProposalAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return backend.ReadAsync((session, ct) => session.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM risk_proposals WHERE id = @id", Read, ct, ("@id", id)), cancellationToken);
    }

    public Task<bool> MarkAdoptedAsync(string id, string criterionId, int criterionVersion, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(criterionId);
        ArgumentNullException.ThrowIfNull(by);
        return backend.WriteAsync(async (session, ct) => await session.ExecuteAsync(
            "UPDATE risk_proposals SET status = @adopted, decided_by = @by, decided_at = @at, criterion_id = @criterionId, criterion_version = @version " +
            "WHERE id = @id AND status = @proposed", ct,
            ("@adopted", RiskProposalStatus.Adopted), ("@by", by), ("@at", _dialect.ToDb(at)), ("@criterionId", criterionId), ("@version", criterionVersion),
            ("@id", id), ("@proposed", RiskProposalStatus.Proposed)).ConfigureAwait(false) == 1, cancellationToken);
    }

    public Task<bool> DismissAsync(string id, string reason, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(by);
        return backend.WriteAsync(async (session, ct) => await session.ExecuteAsync(
            "UPDATE risk_proposals SET status = @dismissed, decided_by = @by, decided_at = @at, reason = @reason WHERE id = @id AND status = @proposed", ct,
            ("@dismissed", RiskProposalStatus.Dismissed), ("@by", by), ("@at", _dialect.ToDb(at)), ("@reason", reason), ("@id", id),
            ("@proposed", RiskProposalStatus.Proposed)).ConfigureAwait(false) == 1, cancellationToken);
    }

    private RiskProposal Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), _dialect.ReadTime(r, 7),
        _dialect.ReadTime(r, 8), r.GetString(9), r.GetNullableString(10), _dialect.ReadNullableTime(r, 11), r.GetNullableString(12), r.GetNullableString(13),
        r.IsDBNull(14) ? null : Convert.ToInt32(r.GetValue(14), CultureInfo.InvariantCulture));
}

/// <summary>Writes a proposal inside another store's transaction (the inbox's, for an accepted risk alert).</summary>
internal sealed class RiskProposalWrites(SqlDialect dialect)
{
    /// <summary>Inserts <paramref name="proposal"/> as proposed; one from the same sender and message id already there is kept.</summary>
    public Task<int> InsertAsync(SqlSession session, RiskProposal proposal, CancellationToken ct) =>
        session.ExecuteAsync(
            "INSERT INTO risk_proposals (id, sender, message_id, title, text, targeting, criterion, created_at, received_at, status) " +
            $"VALUES (@id, @sender, @messageId, @title, @text, @targeting{dialect.JsonCast}, @criterion{dialect.JsonCast}, @createdAt, @receivedAt, @status) " +
            "ON CONFLICT (sender, message_id) DO NOTHING", ct,
            ("@id", proposal.Id), ("@sender", proposal.Sender), ("@messageId", proposal.MessageId), ("@title", proposal.Title), ("@text", proposal.Text),
            ("@targeting", proposal.TargetingJson), ("@criterion", proposal.CriterionJson), ("@createdAt", dialect.ToDb(proposal.CreatedAt)),
            ("@receivedAt", dialect.ToDb(proposal.ReceivedAt)), ("@status", RiskProposalStatus.Proposed));
}
