using System.Text.Json;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Storage.Declarations;
using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Risk;

/// <summary>
/// The selectivity rows written inside a declaration's own transactions: the assessment at lodging, re-routings and
/// inspection results. Written there so that a declaration never exists without the lane it was given.
/// </summary>
internal sealed class ControlWrites(SqlDialect dialect)
{
    public static string InsertAssessmentSql(SqlDialect dialect) =>
        "INSERT INTO risk_assessments (mrn, version, office, score, lane, random, decision, at) " +
        $"VALUES (@mrn, @version, @office, @score, @lane, @random, @decision{dialect.JsonCast}, @at)";

    private readonly string _insertAssessment = InsertAssessmentSql(dialect);

    private readonly string _insertInspection =
        "INSERT INTO inspections (mrn, version, lane, findings, categories, revenue, notes, officer, at, seals) " +
        $"VALUES (@mrn, @version, @lane, @findings, @categories{dialect.JsonbCast}, @revenue, @notes, @officer, @at, @seals{dialect.JsonbCast}) RETURNING id";

    public async Task InsertAssessmentAsync(SqlSession session, string mrn, int version, LodgeRisk risk, DateTimeOffset at, CancellationToken ct)
    {
        // Nothing in the lodging reads these rows back: held and sent together where the backend batches (PostgreSQL).
        await session.DeferAsync(
            _insertAssessment, ct,
            ("@mrn", mrn), ("@version", version), ("@office", risk.Office), ("@score", risk.Score), ("@lane", risk.Lane.ToString()),
            ("@random", risk.Random), ("@decision", risk.DecisionJson), ("@at", dialect.ToDb(at))).ConfigureAwait(false);
        foreach (var hit in risk.Hits)
        {
            // A criterion appears once per assessment; the key guards against a set that listed one twice.
            await session.DeferAsync(
                "INSERT INTO risk_hits (mrn, criterion_id, version, weight) VALUES (@mrn, @id, @version, @weight) ON CONFLICT DO NOTHING", ct,
                ("@mrn", mrn), ("@id", hit.Id), ("@version", hit.Version), ("@weight", hit.Weight)).ConfigureAwait(false);
        }

        foreach (var (hs6, valuePerKg) in risk.Prices)
        {
            await session.DeferAsync(
                "INSERT INTO risk_prices (hs6, value_per_kg, at) VALUES (@hs6, @value, @at)", ct,
                ("@hs6", hs6), ("@value", valuePerKg), ("@at", dialect.ToDb(at))).ConfigureAwait(false);
        }
    }

    public Task<int> InsertLaneChangeAsync(SqlSession session, string mrn, LaneChange change, CancellationToken ct) =>
        session.ExecuteAsync(
            "INSERT INTO lane_changes (mrn, from_lane, to_lane, reason, actor, at) VALUES (@mrn, @from, @to, @reason, @actor, @at)", ct,
            ("@mrn", mrn), ("@from", change.From?.ToString()), ("@to", change.To.ToString()), ("@reason", change.Reason),
            ("@actor", change.Actor), ("@at", dialect.ToDb(change.At)));

    public async Task InsertInspectionAsync(SqlSession session, string mrn, NewInspection inspection, CancellationToken ct)
    {
        var id = await session.ScalarInt64Async(
            _insertInspection, ct,
            ("@mrn", mrn), ("@version", inspection.Version), ("@lane", inspection.Lane.ToString()), ("@findings", inspection.Findings),
            ("@categories", JsonSerializer.Serialize(inspection.Categories, DeclarationJson.Options)), ("@revenue", inspection.Revenue),
            ("@notes", inspection.Notes), ("@officer", inspection.Officer), ("@at", dialect.ToDb(inspection.At)),
            ("@seals", inspection.Seals.Count == 0 ? null : JsonSerializer.Serialize(inspection.Seals, DeclarationJson.Options))).ConfigureAwait(false);
        foreach (var file in inspection.Evidence)
        {
            await session.ExecuteAsync(
                "INSERT INTO inspection_evidence (inspection_id, mrn, file_name, content_type, sha256, size, content) " +
                "VALUES (@inspection, @mrn, @name, @type, @sha256, @size, @content)", ct,
                ("@inspection", id), ("@mrn", mrn), ("@name", file.FileName), ("@type", file.ContentType), ("@sha256", file.Sha256),
                ("@size", (long)file.Content.Length), ("@content", file.Content.ToArray())).ConfigureAwait(false);
        }
    }
}
