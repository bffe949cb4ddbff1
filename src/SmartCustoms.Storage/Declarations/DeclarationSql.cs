using System.Data.Common;
using System.Text.Json;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Domain.Tariffs;
using SmartCustoms.Domain.Validation;
using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Declarations;

/// <summary>The declaration store's SQL, spelled once for both providers, and the mapping of its rows.</summary>
internal sealed class DeclarationSql(SqlDialect dialect)
{
    private const string RecordSelect =
        "SELECT d.mrn, v.version, d.status, d.declarant_id, d.lrn, v.content_hash, v.declaration, v.assessment, v.warnings, " +
        "d.accepted_at, d.updated_at, d.revision, d.lane, d.control_open FROM declarations d JOIN declaration_versions v ON v.mrn = d.mrn ";

    public const string Current = RecordSelect + "AND v.version = d.version WHERE d.mrn = @mrn";
    public const string ByVersion = RecordSelect + "AND v.version = @version WHERE d.mrn = @mrn";
    public const string ByLrn = RecordSelect + "AND v.version = d.version WHERE d.declarant_id = @declarantId AND d.lrn = @lrn";

    // DO NOTHING rather than a unique violation: the loser of a race on one LRN (two servers, one PostgreSQL) waits
    // for the winner's commit, inserts nothing and, its transaction intact, reads the winner's row (under READ
    // COMMITTED the next statement sees it).
    public const string InsertDeclaration =
        "INSERT INTO declarations (mrn, declarant_id, lrn, type, status, version, content_hash, accepted_at, updated_at, revision, lane, control_open) " +
        "VALUES (@mrn, @declarantId, @lrn, @type, @status, 1, @contentHash, @acceptedAt, @acceptedAt, 1, @lane, @controlOpen) " +
        "ON CONFLICT (declarant_id, lrn) DO NOTHING RETURNING mrn";

    public const string Update =
        "UPDATE declarations SET status = @status, version = @version, content_hash = @contentHash, updated_at = @updatedAt, " +
        "lane = @lane, control_open = @controlOpen, revision = revision + 1 WHERE mrn = @mrn AND revision = @revision";

    public const string InsertAudit = "INSERT INTO audit (mrn, actor, action, reason, at) VALUES (@mrn, @actor, @action, @reason, @at)";

    public const string Notifications =
        "SELECT id, mrn, kind, payload, created_at FROM notifications WHERE mrn = @mrn AND id > @after ORDER BY id LIMIT @limit";

    public const string Summaries = "SELECT mrn, lrn, declarant_id, type, status, version, accepted_at, updated_at, lane, control_open FROM declarations";

    public string InsertVersion { get; } =
        "INSERT INTO declaration_versions (mrn, version, declaration, assessment, warnings, content_hash, created_at) " +
        $"VALUES (@mrn, @version, @declaration{dialect.JsonbCast}, @assessment{dialect.JsonbCast}, @warnings{dialect.JsonbCast}, @contentHash, @createdAt)";

    public string InsertNotification { get; } =
        $"INSERT INTO notifications (mrn, kind, payload, created_at) VALUES (@mrn, @kind, @payload{dialect.JsonCast}, @createdAt)";

    public DeclarationRecord ReadRecord(DbDataReader reader) => new()
    {
        Mrn = reader.GetString(0),
        Version = reader.GetInt32(1),
        Status = Enum.Parse<DeclarationStatus>(reader.GetString(2)),
        DeclarantId = reader.GetString(3),
        Lrn = reader.GetString(4),
        ContentHash = reader.GetString(5),
        Declaration = DeclarationJson.Deserialize(reader.GetString(6))
            ?? throw new InvalidDataException($"Declaration {reader.GetString(0)} is stored as JSON null."),
        Assessment = reader.IsDBNull(7) ? null : JsonSerializer.Deserialize<DutyAssessment>(reader.GetString(7), DeclarationJson.Options),
        Warnings = JsonSerializer.Deserialize<Issue[]>(reader.GetString(8), DeclarationJson.Options) ?? [],
        AcceptedAt = dialect.ReadTime(reader, 9),
        UpdatedAt = dialect.ReadTime(reader, 10),
        Revision = reader.GetInt64(11),
        Lane = ReadLane(reader, 12),
        ControlOpen = reader.GetBoolean(13),
    };

    public static Lane? ReadLane(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Enum.Parse<Lane>(reader.GetString(ordinal));

    public DeclarationSummary ReadSummary(DbDataReader reader) => new(
        Mrn: reader.GetString(0),
        Lrn: reader.GetString(1),
        DeclarantId: reader.GetString(2),
        Type: reader.GetNullableString(3),
        Status: Enum.Parse<DeclarationStatus>(reader.GetString(4)),
        Version: reader.GetInt32(5),
        AcceptedAt: dialect.ReadTime(reader, 6),
        UpdatedAt: dialect.ReadTime(reader, 7),
        Lane: ReadLane(reader, 8),
        ControlOpen: reader.GetBoolean(9));

    public StoredNotification ReadNotification(DbDataReader reader) => new(
        Id: reader.GetInt64(0),
        Mrn: reader.GetString(1),
        Kind: Enum.Parse<NotificationKind>(reader.GetString(2)),
        PayloadJson: reader.GetString(3),
        At: dialect.ReadTime(reader, 4));
}

/// <summary>A version's JSON columns, serialized before the write is queued so that the SQLite writer only binds text.</summary>
internal sealed record VersionJson(string ContentHash, string Declaration, string? Assessment, string Warnings)
{
    public static VersionJson Of(string contentHash, Declaration declaration, DutyAssessment? assessment, IReadOnlyList<Issue> warnings) => new(
        contentHash,
        DeclarationJson.Serialize(declaration),
        assessment is null ? null : JsonSerializer.Serialize(assessment, DeclarationJson.Options),
        JsonSerializer.Serialize(warnings, DeclarationJson.Options));
}
