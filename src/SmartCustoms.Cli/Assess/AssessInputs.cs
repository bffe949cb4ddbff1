using System.Globalization;
using System.Text.Json;
using SmartCustoms.Domain.Risk;

namespace SmartCustoms.Cli.Assess;

/// <summary>The criteria and lane settings an offline assessment runs with, or every reason they cannot be used.</summary>
internal static class AssessInputs
{
    /// <summary>Compiles the criteria in FILE (a JSON array), or the shipped examples when no file is given.</summary>
    public static (CriteriaSet? Criteria, IReadOnlyList<string> Errors) LoadCriteria(string? path)
    {
        IReadOnlyList<CriterionDocument> documents;
        if (path is null)
        {
            documents = ExampleCriteria.Load();
        }
        else
        {
            if (ReadText(path) is not { } json)
            {
                return (null, [$"{path}: cannot read the criteria file."]);
            }

            if (!CriterionJson.ParseList(json).TryGetValue(out var parsed, out var refusal))
            {
                var error = refusal.Issues[0];
                return (null, [$"{path}: {PointerText(error.Pointer)}: {error.Message}"]);
            }

            documents = parsed;
        }

        var errors = new List<string>();
        var compiled = new List<CompiledCriterion>(documents.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            if (document is null)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{Source(path)}: criterion {i}: /{i}: a criterion cannot be null."));
                continue;
            }

            var result = CriterionCompiler.Compile(document, version: 1);
            if (result.Criterion is { } criterion)
            {
                compiled.Add(criterion);
                continue;
            }

            foreach (var issue in result.Errors)
            {
                var pointer = string.Create(CultureInfo.InvariantCulture, $"/{i}{issue.Pointer}");
                errors.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{Source(path)}: criterion {i} ({(string.IsNullOrWhiteSpace(document.Id) ? "no id" : document.Id)}): {pointer}: {issue.Message} [{issue.Code}]"));
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        try
        {
            return (CriteriaSet.Create(compiled), []);
        }
        catch (ArgumentException ex)
        {
            return (null, [$"{Source(path)}: {ex.Message.Split(" (Parameter", 2)[0]}"]);
        }
    }

    /// <summary>Lane settings per office from FILE (one object or an array), or none: every office then takes the defaults.</summary>
    public static (IReadOnlyDictionary<string, LaneSettings>? Lanes, IReadOnlyList<string> Errors) LoadLanes(string? path)
    {
        var lanes = new Dictionary<string, LaneSettings>(StringComparer.Ordinal);
        if (path is null)
        {
            return (lanes, []);
        }

        if (ReadText(path) is not { } json)
        {
            return (null, [$"{path}: cannot read the lanes file."]);
        }

        List<LaneSettings?>? settings;
        try
        {
            var isArray = json.AsSpan().TrimStart().StartsWith("[", StringComparison.Ordinal);
            settings = isArray
                ? JsonSerializer.Deserialize<List<LaneSettings?>>(json, CriterionJson.Options)
                : [JsonSerializer.Deserialize<LaneSettings>(json, CriterionJson.Options)];
        }
        catch (JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
            return (null, [$"{path}: {ex.Path ?? "$"}: {(cut > 0 ? message[..cut] : message)}"]);
        }

        var errors = new List<string>();
        for (var i = 0; i < (settings?.Count ?? 0); i++)
        {
            var office = settings![i];
            var prefix = settings.Count == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $"/{i}");
            if (office is null)
            {
                errors.Add($"{path}: {PointerText(prefix)}: lane settings cannot be null.");
                continue;
            }

            foreach (var issue in office.Validate())
            {
                errors.Add($"{path}: {prefix}{issue.Pointer}: {issue.Message} [{issue.Code}]");
            }

            if (!lanes.TryAdd(office.Office ?? "", office))
            {
                errors.Add($"{path}: {prefix}/office: office {office.Office} has lane settings twice.");
            }
        }

        return errors.Count > 0 ? (null, errors) : (lanes, []);
    }

    private static string Source(string? path) => path ?? "example criteria";

    private static string PointerText(string? pointer) => string.IsNullOrEmpty(pointer) ? "(document)" : pointer;

    private static string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
