using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Postal;
using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Postal;

internal sealed class PostalStore(StorageBackend backend) : IPostalStore
{
    /// <summary>Rows per multi-row insert and keys per IN list; the rest go one by one, so that few statement texts are ever prepared.</summary>
    private const int Chunk = 100;

    private const string ItemColumns = "operator, item_id, message_id, status, warnings, recipient_key, value, received_at, item";
    private const string AnswerColumns = "id, operator, item_id, message_id, answer, answered_at";

    private readonly SqlDialect _dialect = backend.Dialect;

    public Task<IReadOnlyList<PostalReceipt>> FindReceiptsAsync(
        string operatorId, string messageId, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        return backend.ReadAsync<IReadOnlyList<PostalReceipt>>(async (session, ct) =>
        {
            var found = new List<PostalReceipt>();
            foreach (var chunk in Chunks(itemIds))
            {
                var (list, args) = InList("@i", chunk);
                found.AddRange(await session.QueryAsync(
                    $"SELECT item_id, status, warnings FROM postal_items WHERE operator = @op AND message_id = @m AND item_id IN ({list})",
                    r => new PostalReceipt(r.GetString(0), r.GetString(1), Issues(r.GetString(2))), ct,
                    [("@op", operatorId), ("@m", messageId), .. args]).ConfigureAwait(false));
            }

            return found;
        }, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<PriorItem>>> FindPriorAsync(
        IReadOnlyCollection<string> recipientKeys, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipientKeys);
        return backend.ReadAsync<IReadOnlyDictionary<string, IReadOnlyList<PriorItem>>>(async (session, ct) =>
        {
            var rows = new List<(string Key, PriorItem Item, long Id)>();
            foreach (var chunk in Chunks(recipientKeys))
            {
                var (list, args) = InList("@k", chunk);
                rows.AddRange(await session.QueryAsync(
                    $"SELECT recipient_key, operator, item_id, value, id FROM postal_items WHERE recipient_key IN ({list}) AND received_at >= @since AND value IS NOT NULL",
                    r => (r.GetString(0), new PriorItem(r.GetString(1), r.GetString(2), r.GetDecimal(3)), r.GetInt64(4)), ct,
                    [("@since", _dialect.ToDb(since)), .. args]).ConfigureAwait(false));
            }

            // An item sent again under another message id counts once, as its latest version.
            return rows.OrderBy(r => r.Id).GroupBy(r => r.Key, StringComparer.Ordinal).ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<PriorItem>)[.. g.GroupBy(r => (r.Item.Operator, r.Item.ItemId)).Select(v => v.Last().Item)],
                StringComparer.Ordinal);
        }, cancellationToken);
    }

    public Task<IReadOnlySet<string>> SaveAsync(
        IReadOnlyList<PostalIntake> items, IReadOnlyList<PostalAnswer> answers, DateTimeOffset answeredAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(answers);
        if (items.Count != answers.Count)
        {
            throw new ArgumentException("One answer per item.", nameof(answers));
        }

        var rows = items.Select((item, i) => (Item: item, Answer: answers[i])).ToList();
        return backend.WriteAsync<IReadOnlySet<string>>(async (session, ct) =>
        {
            await session.ExecuteAsync("UPDATE postal_state SET batches = batches + 1 WHERE id = 1", ct).ConfigureAwait(false);
            var stored = new HashSet<string>(StringComparer.Ordinal);
            await InsertAsync($"postal_items ({ItemColumns})", rows, (row, i) =>
                [
                    ($"@o{i}", row.Item.Operator), ($"@i{i}", row.Item.ItemId), ($"@m{i}", row.Item.MessageId), ($"@s{i}", row.Item.Status),
                    ($"@w{i}", JsonSerializer.Serialize(row.Item.Warnings, PostalJson.Options)), ($"@k{i}", row.Item.RecipientKey), ($"@v{i}", row.Item.Value),
                    ($"@r{i}", _dialect.ToDb(row.Item.ReceivedAt)), ($"@j{i}", JsonSerializer.Serialize(row.Item.Item, PostalJson.Options)),
                ],
                [4, 8], " ON CONFLICT (operator, item_id, message_id) DO NOTHING RETURNING item_id",
                async (sql, args) => stored.UnionWith(await session.QueryAsync(sql, r => r.GetString(0), ct, args).ConfigureAwait(false))).ConfigureAwait(false);
            var fresh = rows.Where(r => stored.Contains(r.Item.ItemId)).ToList();
            var at = _dialect.ToDb(answeredAt);
            await InsertAsync("postal_answers (operator, item_id, message_id, decision, answer, answered_at)", fresh, (row, i) =>
                [
                    ($"@o{i}", row.Item.Operator), ($"@i{i}", row.Item.ItemId), ($"@m{i}", row.Item.MessageId),
                    ($"@d{i}", JsonNamingPolicy.CamelCase.ConvertName(row.Answer.Decision.ToString())),
                    ($"@a{i}", JsonSerializer.Serialize(row.Answer, PostalJson.Options)), ($"@t{i}", at),
                ],
                [4], "", (sql, args) => session.ExecuteAsync(sql, ct, args)).ConfigureAwait(false);
            return stored;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<PostalAnswerRecord>> ListAnswersAsync(string? operatorId, long after, int limit, CancellationToken cancellationToken) =>
        backend.ReadAsync<IReadOnlyList<PostalAnswerRecord>>(async (session, ct) => operatorId is null
            ? await session.QueryAsync($"SELECT {AnswerColumns} FROM postal_answers WHERE id > @after ORDER BY id LIMIT @limit", ReadAnswer, ct,
                ("@after", after), ("@limit", limit)).ConfigureAwait(false)
            : await session.QueryAsync($"SELECT {AnswerColumns} FROM postal_answers WHERE operator = @op AND id > @after ORDER BY id LIMIT @limit", ReadAnswer, ct,
                ("@op", operatorId), ("@after", after), ("@limit", limit)).ConfigureAwait(false), cancellationToken);

    public Task<IReadOnlyList<PostalItemRecord>> GetAsync(string operatorId, string itemId, CancellationToken cancellationToken) =>
        backend.ReadAsync<IReadOnlyList<PostalItemRecord>>(async (session, ct) =>
        {
            var items = await session.QueryAsync(
                $"SELECT {ItemColumns} FROM postal_items WHERE operator = @op AND item_id = @id ORDER BY id DESC", ReadIntake, ct,
                ("@op", operatorId), ("@id", itemId)).ConfigureAwait(false);
            var answers = (await session.QueryAsync(
                    $"SELECT {AnswerColumns} FROM postal_answers WHERE operator = @op AND item_id = @id", ReadAnswer, ct,
                    ("@op", operatorId), ("@id", itemId)).ConfigureAwait(false))
                .ToDictionary(a => a.MessageId, StringComparer.Ordinal);
            return [.. items.Select(i => new PostalItemRecord(i, answers.GetValueOrDefault(i.MessageId)))];
        }, cancellationToken);

    /// <summary>
    /// Inserts <paramref name="rows"/>, <see cref="Chunk"/> to a statement and the rest one by one. Parameters at
    /// <paramref name="jsonArgs"/> (positions in a row) are bound to json columns.
    /// </summary>
    private async Task InsertAsync(
        string target, List<(PostalIntake Item, PostalAnswer Answer)> rows, Func<(PostalIntake Item, PostalAnswer Answer), int, (string Name, object? Value)[]> values,
        int[] jsonArgs, string suffix, Func<string, (string Name, object? Value)[], Task> run)
    {
        var index = 0;
        while (index < rows.Count)
        {
            var count = rows.Count - index >= Chunk ? Chunk : 1;
            var args = new List<(string Name, object? Value)>(count * 9);
            var sql = new StringBuilder("INSERT INTO ").Append(target).Append(" VALUES ");
            for (var i = 0; i < count; i++)
            {
                var row = values(rows[index + i], i);
                sql.Append(i == 0 ? "(" : ", (");
                for (var a = 0; a < row.Length; a++)
                {
                    sql.Append(a == 0 ? "" : ", ").Append(row[a].Name).Append(Array.IndexOf(jsonArgs, a) >= 0 ? _dialect.JsonCast : "");
                }

                sql.Append(')');
                args.AddRange(row);
            }

            await run(sql.Append(suffix).ToString(), [.. args]).ConfigureAwait(false);
            index += count;
        }
    }

    private static IEnumerable<IReadOnlyList<string>> Chunks(IReadOnlyCollection<string> values)
    {
        var distinct = values.Distinct(StringComparer.Ordinal).ToList();
        for (var i = 0; i < distinct.Count; i += Chunk)
        {
            var chunk = distinct.GetRange(i, Math.Min(Chunk, distinct.Count - i));
            // Padded with its first value to a full chunk, so that one statement text serves every lookup.
            while (chunk.Count < Chunk)
            {
                chunk.Add(chunk[0]);
            }

            yield return chunk;
        }
    }

    private static (string List, (string Name, object? Value)[] Args) InList(string prefix, IReadOnlyList<string> values) =>
        (string.Join(", ", values.Select((_, i) => prefix + i.ToString(CultureInfo.InvariantCulture))),
            [.. values.Select((v, i) => (prefix + i.ToString(CultureInfo.InvariantCulture), (object?)v))]);

    private PostalIntake ReadIntake(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Issues(r.GetString(4)), r.GetString(5), r.IsDBNull(6) ? null : r.GetDecimal(6),
        _dialect.ReadTime(r, 7), JsonSerializer.Deserialize<PostalItem>(r.GetString(8), PostalJson.Options)!);

    private PostalAnswerRecord ReadAnswer(DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), JsonSerializer.Deserialize<PostalAnswer>(r.GetString(4), PostalJson.Options)!,
        _dialect.ReadTime(r, 5));

    private static List<Issue> Issues(string json) => JsonSerializer.Deserialize<List<Issue>>(json, PostalJson.Options) ?? [];
}
