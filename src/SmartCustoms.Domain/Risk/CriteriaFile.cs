using System.Globalization;
using System.Text.Json;
using SmartCustoms.Domain.Outcomes;

namespace SmartCustoms.Domain.Risk;

/// <summary>
/// A set of criteria in one JSON array, the form <c>criteria export</c> writes and the shipped examples take: read
/// and checked whole, so that an import stores every criterion or none. Each error points into the array
/// (<c>/3/when/all/0/op</c>).
/// </summary>
public static class CriteriaFile
{
    public const int MaxCriteria = 2000;

    private static readonly JsonSerializerOptions Indented = new(CriterionJson.Options) { WriteIndented = true };

    /// <summary>The criteria of <paramref name="json"/>, or a refusal with every error and its pointer.</summary>
    public static Outcome<IReadOnlyList<CriterionDocument>> Check(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.TrimStart() is var text && text.Length > 0 && text[0] != '[')
        {
            return Refusal.Invalid("The criteria could not be read.",
                [new Issue("criteria.not-a-list", "A criteria file is a JSON array of criteria, [ {...}, {...} ]; for one criterion use POST /api/risk/criteria.", "")]);
        }

        if (!CriterionJson.ParseList(json).TryGetValue(out var documents, out var unreadable))
        {
            return unreadable;
        }

        if (documents.Count == 0)
        {
            return Refusal.Invalid("No criteria were given.", [new Issue("required", "The array is empty: give at least one criterion.", "")]);
        }

        if (documents.Count > MaxCriteria)
        {
            return Refusal.Invalid("Too many criteria.", [new Issue("criteria.too-many", $"At most {MaxCriteria} criteria go in one file; this one has {documents.Count}.", "")]);
        }

        var errors = new List<Issue>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            var at = "/" + i.ToString(CultureInfo.InvariantCulture);
            if (documents[i] is not { } document)
            {
                errors.Add(new Issue("required", "null is not a criterion: give one, or leave the entry out.", at));
                continue;
            }

            errors.AddRange(CriterionCompiler.Compile(document, 1).Errors.Select(e => e with { Pointer = at + e.Pointer }));
            if (document.Id is { Length: > 0 } id && !seen.TryAdd(id, i))
            {
                errors.Add(new Issue("criteria.duplicate-id",
                    string.Create(CultureInfo.InvariantCulture, $"Criterion '{id}' appears twice, here and at /{seen[id]}: keep one."), at + "/id"));
            }
        }

        return errors.Count > 0 ? Refusal.Invalid("The criteria have errors; none was stored.", errors) : Outcome.Success(documents);
    }

    /// <summary>The documents as an indented JSON array that <see cref="Check"/> reads back.</summary>
    public static string Write(IEnumerable<CriterionDocument> documents) => JsonSerializer.Serialize(documents.ToList(), Indented);
}
