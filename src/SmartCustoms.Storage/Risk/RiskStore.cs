using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using SmartCustoms.Domain.Controls;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Domain.Tariffs;
using SmartCustoms.Storage.Snapshots;
using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Risk;

/// <summary>
/// Every change to the criteria first updates the <c>criteria</c> row of <c>snapshot_versions</c> in its transaction. On
/// PostgreSQL that row lock serialises the changes (under read committed, the next version is then computed from a
/// snapshot that sees every earlier change); SQLite has a single writer anyway. The (id, version) primary key is the
/// last guard against two saves taking one version.
/// </summary>
internal sealed class RiskStore(StorageBackend backend) : IRiskStore
{
    private const string SelectCriterion =
        "SELECT c.id, c.version, c.document, c.author, c.created_at, c.retired_at, c.retired_by FROM risk_criteria c";

    private const string CurrentVersion = "c.version = (SELECT MAX(m.version) FROM risk_criteria m WHERE m.id = c.id)";

    private const string SelectAssessment = "SELECT mrn, version, office, score, lane, random, decision, at FROM risk_assessments";

    private readonly SqlDialect _dialect = backend.Dialect;

    public async Task<StoredCriterion> SaveCriterionAsync(CriterionDocument document, string author, DateTimeOffset at, CancellationToken cancellationToken) =>
        (await SaveCriteriaAsync([document], author, at, cancellationToken).ConfigureAwait(false))[0];

    public Task<IReadOnlyList<StoredCriterion>> SaveCriteriaAsync(IReadOnlyList<CriterionDocument> documents, string author, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        foreach (var document in documents)
        {
            ArgumentNullException.ThrowIfNull(document, nameof(documents));
            if (string.IsNullOrWhiteSpace(document.Id))
            {
                throw new ArgumentException("A criterion to store needs an id.", nameof(documents));
            }
        }

        if (documents.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count() != documents.Count)
        {
            throw new ArgumentException("The criteria to store in one go must have distinct ids.", nameof(documents));
        }

        var createdAt = SqlDialect.Normalize(at);
        return backend.WriteAsync<IReadOnlyList<StoredCriterion>>(async (session, ct) =>
        {
            await SnapshotWrites.BumpAsync(session, SnapshotKind.Criteria, ct).ConfigureAwait(false);
            var stored = new List<StoredCriterion>(documents.Count);
            foreach (var document in documents)
            {
                var id = document.Id!;
                var version = (int)(await session.ScalarInt64Async(
                    "SELECT COALESCE(MAX(version), 0) + 1 FROM risk_criteria WHERE id = @id", ct, ("@id", id)).ConfigureAwait(false))!.Value;
                await session.ExecuteAsync(
                    $"INSERT INTO risk_criteria (id, version, document, author, created_at) VALUES (@id, @version, @document{_dialect.JsonbCast}, @author, @createdAt)",
                    ct, ("@id", id), ("@version", version), ("@document", CriterionJson.Serialize(document)), ("@author", author),
                    ("@createdAt", _dialect.ToDb(createdAt))).ConfigureAwait(false);
                stored.Add(new StoredCriterion(id, version, document, author, createdAt, null, null));
            }

            return stored;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<StoredCriterion>> ListCurrentAsync(bool includeRetired, CancellationToken cancellationToken)
    {
        var sql = SelectCriterion + " WHERE " + CurrentVersion + (includeRetired ? "" : " AND c.retired_at IS NULL") + " ORDER BY c.id";
        return backend.ReadAsync<IReadOnlyList<StoredCriterion>>(
            async (session, ct) => await session.QueryAsync(sql, ReadCriterion, ct).ConfigureAwait(false), cancellationToken);
    }

    public Task<IReadOnlyList<StoredCriterion>> HistoryAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return backend.ReadAsync<IReadOnlyList<StoredCriterion>>(
            async (session, ct) => await session.QueryAsync(
                SelectCriterion + " WHERE c.id = @id ORDER BY c.version", ReadCriterion, ct, ("@id", id)).ConfigureAwait(false),
            cancellationToken);
    }

    public Task<StoredCriterion?> RetireAsync(string id, string author, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        return backend.WriteAsync(async (session, ct) =>
        {
            // Takes the stamp row's lock without changing it, so that a save of the same id cannot slip in between.
            await SnapshotWrites.LockAsync(session, SnapshotKind.Criteria, ct).ConfigureAwait(false);
            var retired = await session.ExecuteAsync(
                "UPDATE risk_criteria SET retired_at = @at, retired_by = @author " +
                "WHERE id = @id AND retired_at IS NULL AND version = (SELECT MAX(m.version) FROM risk_criteria m WHERE m.id = @id)",
                ct, ("@id", id), ("@at", _dialect.ToDb(at)), ("@author", author)).ConfigureAwait(false);
            if (retired > 0)
            {
                await SnapshotWrites.BumpAsync(session, SnapshotKind.Criteria, ct).ConfigureAwait(false);
            }

            return await session.QuerySingleOrDefaultAsync(
                SelectCriterion + " WHERE c.id = @id AND " + CurrentVersion, ReadCriterion, ct, ("@id", id)).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<LaneSettings>> GetLaneSettingsAsync(CancellationToken cancellationToken) =>
        backend.ReadAsync<IReadOnlyList<LaneSettings>>(
            async (session, ct) => await session.QueryAsync(
                "SELECT json FROM risk_lane_settings ORDER BY office",
                r => JsonSerializer.Deserialize<LaneSettings>(r.GetString(0), CriterionJson.Options)!, ct).ConfigureAwait(false),
            cancellationToken);

    public Task SaveLaneSettingsAsync(LaneSettings settings, string author, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        (string, object?)[] args =
        [
            ("@office", settings.Office), ("@json", JsonSerializer.Serialize(settings, CriterionJson.Options)),
            ("@author", author), ("@updatedAt", _dialect.ToDb(at)),
        ];
        var sql =
            $"INSERT INTO risk_lane_settings (office, json, author, updated_at) VALUES (@office, @json{_dialect.JsonbCast}, @author, @updatedAt) " +
            "ON CONFLICT (office) DO UPDATE SET json = excluded.json, author = excluded.author, updated_at = excluded.updated_at";
        return backend.WriteAsync(async (session, ct) =>
        {
            await session.ExecuteAsync(sql, ct, args).ConfigureAwait(false);
            return await SnapshotWrites.BumpAsync(session, SnapshotKind.Lanes, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task SaveAssessmentAsync(StoredAssessment assessment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        (string, object?)[] args =
        [
            ("@mrn", assessment.Mrn), ("@version", assessment.Version), ("@office", assessment.Office), ("@score", assessment.Score),
            ("@lane", assessment.Lane.ToString()), ("@random", assessment.Random), ("@decision", assessment.DecisionJson),
            ("@at", _dialect.ToDb(assessment.At)),
        ];
        var sql = ControlWrites.InsertAssessmentSql(_dialect);
        return backend.WriteAsync((session, ct) => session.ExecuteAsync(sql, ct, args), cancellationToken);
    }

    public Task<StoredAssessment?> GetAssessmentAsync(string mrn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mrn);
        return backend.ReadAsync(
            (session, ct) => session.QuerySingleOrDefaultAsync(
                SelectAssessment + " WHERE mrn = @mrn ORDER BY id DESC LIMIT 1", ReadAssessment, ct, ("@mrn", mrn)),
            cancellationToken);
    }

    public Task<IReadOnlyList<decimal>> RecentScoresAsync(string office, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(office);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return Task.FromResult<IReadOnlyList<decimal>>([]);
        }

        return backend.ReadAsync<IReadOnlyList<decimal>>(
            async (session, ct) => await session.QueryAsync(
                "SELECT score FROM risk_assessments WHERE office = @office ORDER BY id DESC LIMIT @count",
                r => r.GetDecimal(0), ct, ("@office", office), ("@count", count)).ConfigureAwait(false),
            cancellationToken);
    }

    public Task<ControlHistory> GetControlHistoryAsync(string mrn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mrn);
        return backend.ReadAsync(async (session, ct) =>
        {
            var assessment = await session.QuerySingleOrDefaultAsync(
                SelectAssessment + " WHERE mrn = @mrn ORDER BY id DESC LIMIT 1", ReadAssessment, ct, ("@mrn", mrn)).ConfigureAwait(false);
            var changes = await session.QueryAsync(
                "SELECT id, from_lane, to_lane, reason, actor, at FROM lane_changes WHERE mrn = @mrn ORDER BY id",
                r => new StoredLaneChange(r.GetInt64(0), ReadLane(r, 1), Enum.Parse<Lane>(r.GetString(2)), r.GetString(3), r.GetString(4), _dialect.ReadTime(r, 5)),
                ct, ("@mrn", mrn)).ConfigureAwait(false);
            var evidence = (await session.QueryAsync(
                "SELECT inspection_id, id, file_name, content_type, sha256, size FROM inspection_evidence WHERE mrn = @mrn ORDER BY id",
                r => (Inspection: r.GetInt64(0), File: new StoredEvidence(r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt64(5))),
                ct, ("@mrn", mrn)).ConfigureAwait(false)).ToLookup(e => e.Inspection, e => e.File);
            var inspections = await session.QueryAsync(
                "SELECT id, version, lane, findings, categories, revenue, notes, officer, at, seals FROM inspections WHERE mrn = @mrn ORDER BY id",
                r => new StoredInspection(
                    r.GetInt64(0), r.GetInt32(1), Enum.Parse<Lane>(r.GetString(2)), r.GetBoolean(3),
                    JsonSerializer.Deserialize<FindingCategory[]>(r.GetString(4), DeclarationJson.Options) ?? [],
                    r.GetDecimal(5), r.GetNullableString(6), r.GetString(7), _dialect.ReadTime(r, 8), [.. evidence[r.GetInt64(0)]])
                {
                    Seals = r.GetNullableString(9) is { } seals ? JsonSerializer.Deserialize<ContainerSeals[]>(seals, DeclarationJson.Options) ?? [] : [],
                },
                ct, ("@mrn", mrn)).ConfigureAwait(false);
            return new ControlHistory(assessment, changes, inspections);
        }, cancellationToken);
    }

    public Task<(StoredEvidence File, byte[] Content)?> GetEvidenceAsync(string mrn, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mrn);
        return backend.ReadAsync(async (session, ct) =>
        {
            var rows = await session.QueryAsync(
                "SELECT id, file_name, content_type, sha256, size, content FROM inspection_evidence WHERE mrn = @mrn AND id = @id",
                r => (new StoredEvidence(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4)), r.GetFieldValue<byte[]>(5)),
                ct, ("@mrn", mrn), ("@id", id)).ConfigureAwait(false);
            return rows.Count == 0 ? ((StoredEvidence, byte[])?)null : rows[0];
        }, cancellationToken);
    }

    public Task<(IReadOnlyList<ControlOutcome> Outcomes, IReadOnlyList<CriterionHitRow> Hits)> GetControlOutcomesAsync(
        DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        (string, object?)[] range = [("@from", _dialect.ToDb(since)), ("@to", _dialect.ToDb(until))];
        const string InRange = "d.accepted_at >= @from AND d.accepted_at < @to";
        return backend.ReadAsync<(IReadOnlyList<ControlOutcome>, IReadOnlyList<CriterionHitRow>)>(async (session, ct) =>
        {
            // The assessment at lodging is the first of its declaration; later ones (if any) do not change the lane given.
            var outcomes = await session.QueryAsync(
                "SELECT d.mrn, a.lane, d.lane, a.random, i.mrn, i.findings, i.revenue FROM declarations d " +
                "JOIN risk_assessments a ON a.id = (SELECT MIN(f.id) FROM risk_assessments f WHERE f.mrn = d.mrn) " +
                "LEFT JOIN inspections i ON i.id = (SELECT MAX(l.id) FROM inspections l WHERE l.mrn = d.mrn) WHERE " + InRange,
                r => new ControlOutcome(
                    r.GetString(0), Enum.Parse<Lane>(r.GetString(1)), ReadLane(r, 2) ?? Enum.Parse<Lane>(r.GetString(1)), r.GetBoolean(3),
                    !r.IsDBNull(4), !r.IsDBNull(5) && r.GetBoolean(5), r.IsDBNull(6) ? 0m : r.GetDecimal(6)),
                ct, range).ConfigureAwait(false);
            var hits = await session.QueryAsync(
                "SELECT h.mrn, h.criterion_id FROM risk_hits h JOIN declarations d ON d.mrn = h.mrn WHERE " + InRange,
                r => new CriterionHitRow(r.GetString(0), r.GetString(1)), ct, range).ConfigureAwait(false);
            return (outcomes, hits);
        }, cancellationToken);
    }

    public Task<TraderHistory> GetTraderHistoryAsync(string declarantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(declarantId);
        return backend.ReadAsync(async (session, ct) =>
        {
            var declarations = await session.ScalarInt64Async(
                "SELECT COUNT(*) FROM declarations WHERE declarant_id = @id", ct, ("@id", declarantId)).ConfigureAwait(false) ?? 0;
            var counts = await session.QueryAsync(
                "SELECT COUNT(DISTINCT i.mrn), COUNT(DISTINCT CASE WHEN i.findings THEN i.mrn END) FROM inspections i " +
                "JOIN declarations d ON d.mrn = i.mrn WHERE d.declarant_id = @id",
                r => (Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture)),
                ct, ("@id", declarantId)).ConfigureAwait(false);
            return new TraderHistory((int)declarations, counts[0].Item1, counts[0].Item2);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<KeyValuePair<string, decimal>>> RecentPricesAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return backend.ReadAsync<IReadOnlyList<KeyValuePair<string, decimal>>>(
            async (session, ct) => await session.QueryAsync(
                "SELECT hs6, value_per_kg FROM risk_prices ORDER BY id DESC LIMIT @count",
                r => KeyValuePair.Create(r.GetString(0), r.GetDecimal(1)), ct, ("@count", count)).ConfigureAwait(false),
            cancellationToken);
    }

    public Task<IReadOnlyList<LabelledDeclaration>> GetLabelledDeclarationsAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return backend.ReadAsync<IReadOnlyList<LabelledDeclaration>>(async (session, ct) =>
        {
            var rows = await session.QueryAsync(
                "SELECT i.mrn, v.declaration, v.assessment, d.accepted_at, i.findings, i.categories, i.revenue FROM inspections i " +
                "JOIN declarations d ON d.mrn = i.mrn JOIN declaration_versions v ON v.mrn = i.mrn AND v.version = i.version " +
                "WHERE i.id = (SELECT MAX(l.id) FROM inspections l WHERE l.mrn = i.mrn) ORDER BY i.id DESC LIMIT @limit",
                r => new LabelledDeclaration(
                    r.GetString(0),
                    DeclarationJson.Deserialize(r.GetString(1)) ?? throw new InvalidDataException($"Declaration {r.GetString(0)} is stored as JSON null."),
                    r.IsDBNull(2) ? null : JsonSerializer.Deserialize<DutyAssessment>(r.GetString(2), DeclarationJson.Options),
                    _dialect.ReadTime(r, 3), r.GetBoolean(4),
                    JsonSerializer.Deserialize<FindingCategory[]>(r.GetString(5), DeclarationJson.Options) ?? [], r.GetDecimal(6)),
                ct, ("@limit", limit)).ConfigureAwait(false);
            rows.Reverse();
            return rows;
        }, cancellationToken);
    }

    public Task<int> PrunePricesAsync(int keep, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        return backend.WriteAsync(
            (session, ct) => session.ExecuteAsync(
                "DELETE FROM risk_prices WHERE id <= (SELECT COALESCE(MAX(id), 0) - @keep FROM risk_prices)", ct, ("@keep", (long)keep)),
            cancellationToken);
    }

    private static Lane? ReadLane(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Enum.Parse<Lane>(reader.GetString(ordinal));

    private StoredCriterion ReadCriterion(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt32(1),
        JsonSerializer.Deserialize<CriterionDocument>(reader.GetString(2), CriterionJson.Options)!,
        reader.GetString(3),
        _dialect.ReadTime(reader, 4),
        _dialect.ReadNullableTime(reader, 5),
        reader.GetNullableString(6));

    private StoredAssessment ReadAssessment(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt32(1),
        reader.GetString(2),
        reader.GetDecimal(3),
        Enum.Parse<Lane>(reader.GetString(4)),
        reader.GetBoolean(5),
        reader.GetString(6),
        _dialect.ReadTime(reader, 7));
}
