using CsvHelper;
using CsvHelper.Configuration;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Server.Aeo;

/// <summary>A register entry as given, checked and normalised (ids and codes trimmed and upper case).</summary>
public sealed record AeoRow(string TraderId, string Name, string Country, string? Certificate, DateOnly ValidFrom, DateOnly? ValidTo);

/// <summary>
/// Reading AEO register entries: a CSV file (header <c>traderId,name,country,certificate,validFrom,validTo</c>), a JSON
/// array, or one JSON object for a single entry. Every fault is reported, each with where it is: its pointer is
/// <c>/{index}/{field}</c> into the list (index from 0), and a CSV file also gives its line (<see cref="Issue.Line"/>).
/// </summary>
public static class AeoInput
{
    public const string CsvHeader = "traderId,name,country,certificate,validFrom,validTo";

    /// <summary>The longest party id a declaration takes.</summary>
    public const int MaxTraderId = 35;
    public const int MaxName = 200;

    private static readonly string[] Fields = ["traderId", "name", "country", "certificate", "validFrom", "validTo"];
    private static readonly string[] RequiredFields = ["traderId", "name", "country", "validFrom"];

    /// <summary>Normalises a party id the way the register stores it, so that lookups match however a declaration spelt it.</summary>
    public static string NormaliseId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.Trim().ToUpperInvariant();
    }

    /// <summary>Reads a CSV register; rows are numbered from 0 in pointers, lines from 1 (the header) in <see cref="Issue.Line"/>.</summary>
    public static Outcome<IReadOnlyList<AeoRow>> ReadCsv(byte[] bytes) => Read(CsvRows(bytes));

    /// <summary>Reads a JSON array of entries; every fault of every entry is refused at once.</summary>
    public static Outcome<IReadOnlyList<AeoRow>> ReadJsonArray(byte[] bytes) => Read(JsonArrayRows(bytes));

    /// <summary>Reads one entry for <paramref name="traderId"/>, the id in the path.</summary>
    public static Outcome<AeoRow> ReadJsonEntry(byte[] bytes, string traderId)
    {
        var (row, errors) = JsonEntryRow(bytes, traderId);
        return row is not null && errors.Count == 0 ? row : Refusal.Invalid("The entry has errors.", errors);
    }

    private static Outcome<IReadOnlyList<AeoRow>> Read((IReadOnlyList<AeoRow> Rows, IReadOnlyList<Issue> Errors) read) =>
        read.Errors.Count == 0 ? Outcome.Success(read.Rows) : Refusal.Invalid("The register has errors; nothing was stored.", read.Errors);

    private static Issue Error(string code, string message, string pointer, int? line = null) => new(code, message, pointer) { Line = line };

    private static (IReadOnlyList<AeoRow> Rows, IReadOnlyList<Issue> Errors) CsvRows(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return ([], [Error("csv.encoding", "The file is not UTF-8 text.", "")]);
        }

        var records = CsvRecords(text, out var csvError);
        if (csvError is not null)
        {
            return ([], [csvError]);
        }

        if (records.Count == 0)
        {
            return ([], [Error("csv.header", $"The file has no header; the first line is {CsvHeader}.", "", 1)]);
        }

        var (headerLine, header) = records[0];
        var errors = new List<Issue>();
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = Fields.FirstOrDefault(f => string.Equals(f, header[i].Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is null || !columns.TryAdd(name, i))
            {
                errors.Add(Error("csv.header", $"Line {headerLine}: column '{header[i]}' is unknown or repeated; the header is {CsvHeader}.", "", headerLine));
            }
        }

        foreach (var missing in RequiredFields.Where(f => !columns.ContainsKey(f)))
        {
            errors.Add(Error("csv.header", $"Line {headerLine}: the header has no '{missing}' column; it is {CsvHeader}.", "", headerLine));
        }

        if (errors.Count > 0)
        {
            return ([], errors);
        }

        var rows = new List<(AeoRow, string, int?)>();
        for (var r = 1; r < records.Count; r++)
        {
            var (line, values) = records[r];
            var index = r - 1;
            if (values.Count != header.Count)
            {
                errors.Add(Error("csv.columns", string.Create(CultureInfo.InvariantCulture,
                    $"Line {line}: {values.Count} value(s) where the header has {header.Count}."), $"/{index}", line));
                continue;
            }

            var row = Check(f => columns.TryGetValue(f, out var c) ? Blank(values[c]) : null, $"/{index}", line, errors);
            if (row is not null)
            {
                rows.Add((row, $"/{index}", line));
            }
        }

        return WithDuplicates(rows, errors);
    }

    /// <summary>Reads a JSON array of entries.</summary>
    private static (IReadOnlyList<AeoRow> Rows, IReadOnlyList<Issue> Errors) JsonArrayRows(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var document = Parse(bytes, out var parseError);
        if (document is null)
        {
            return ([], [parseError!]);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return ([], [Error("json.invalid", "The body is a JSON array of entries (traderId, name, country, certificate, validFrom, validTo).", "")]);
        }

        var rows = new List<(AeoRow, string, int?)>();
        var errors = new List<Issue>();
        var index = 0;
        foreach (var element in document.RootElement.EnumerateArray())
        {
            if (ReadJsonObject(element, $"/{index}", errors) is { } row)
            {
                rows.Add((row, $"/{index}", null));
            }

            index++;
        }

        return WithDuplicates(rows, errors);
    }

    /// <summary>Reads one entry (<c>PUT /api/aeo/{traderId}</c>): the trader id comes from the path and, if the body gives one too, must match.</summary>
    private static (AeoRow? Row, IReadOnlyList<Issue> Errors) JsonEntryRow(byte[] bytes, string traderId)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(traderId);
        using var document = Parse(bytes, out var parseError);
        if (document is null)
        {
            return (null, [parseError!]);
        }

        var errors = new List<Issue>();
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("traderId", out var given) && given.ValueKind == JsonValueKind.String
            && !string.Equals(NormaliseId(given.GetString()!), NormaliseId(traderId), StringComparison.Ordinal))
        {
            errors.Add(Error("aeo.trader-id.mismatch", "The body's traderId differs from the one in the path.", "/traderId"));
            return (null, errors);
        }

        var row = ReadJsonObject(root, "", errors, traderId);
        return (row, errors);
    }

    /// <summary>The rows, and the errors with those of entries whose trader id an earlier entry already has (reported on the later one).</summary>
    private static (IReadOnlyList<AeoRow> Rows, IReadOnlyList<Issue> Errors) WithDuplicates(
        List<(AeoRow Row, string Pointer, int? Line)> rows, List<Issue> errors)
    {
        var seen = new Dictionary<string, (string Pointer, int? Line)>(StringComparer.Ordinal);
        foreach (var (row, pointer, line) in rows)
        {
            if (!seen.TryAdd(row.TraderId, (pointer, line)))
            {
                var first = seen[row.TraderId];
                var where = first.Line is { } l ? string.Create(CultureInfo.InvariantCulture, $"line {l}") : first.Pointer;
                errors.Add(Error("aeo.trader-id.duplicate", $"{Prefix(line)}trader {row.TraderId} is already listed at {where}.", pointer + "/traderId", line));
            }
        }

        // In file order, so that a user reads them top to bottom.
        return ([.. rows.Select(r => r.Row)], [.. errors.OrderBy(e => e.Line ?? 0).ThenBy(e => Index(e.Pointer))]);
    }

    private static AeoRow? ReadJsonObject(JsonElement element, string pointer, List<Issue> errors, string? traderId = null)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Error("json.invalid", "An entry is a JSON object.", pointer));
            return null;
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var ok = true;
        foreach (var property in element.EnumerateObject())
        {
            if (!Fields.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add(Error("json.unknown-member", $"'{property.Name}' is not a field of an entry ({string.Join(", ", Fields)}).", $"{pointer}/{property.Name}"));
                ok = false;
            }
            else if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                errors.Add(Error("json.type", $"'{property.Name}' is a string.", $"{pointer}/{property.Name}"));
                ok = false;
            }
            else
            {
                values[property.Name] = property.Value.ValueKind == JsonValueKind.String ? Blank(property.Value.GetString()!) : null;
            }
        }

        if (traderId is not null)
        {
            values["traderId"] = traderId;
        }

        var row = Check(f => values.GetValueOrDefault(f), pointer, null, errors);
        return ok ? row : null;
    }

    /// <summary>Checks one entry's fields; adds its faults to <paramref name="errors"/> and returns null when it has any.</summary>
    private static AeoRow? Check(Func<string, string?> field, string pointer, int? line, List<Issue> errors)
    {
        var before = errors.Count;
        void Fail(string name, string code, string message) =>
            errors.Add(Error(code, Prefix(line) + message, $"{pointer}/{name}", line));

        var traderId = field("traderId") is { } id ? NormaliseId(id) : null;
        if (traderId is null)
        {
            Fail("traderId", "aeo.trader-id.required", "traderId is required.");
        }
        else if (traderId.Length > MaxTraderId || traderId.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            Fail("traderId", "aeo.trader-id.invalid", $"traderId '{traderId}' has spaces or is longer than {MaxTraderId} characters.");
        }

        var name = field("name")?.Trim();
        if (name is null)
        {
            Fail("name", "aeo.name.required", "name is required.");
        }
        else if (name.Length > MaxName || name.Any(char.IsControl))
        {
            Fail("name", "aeo.name.invalid", $"name is longer than {MaxName} characters or has control characters.");
        }

        var country = field("country")?.Trim().ToUpperInvariant();
        if (country is null)
        {
            Fail("country", "aeo.country.required", "country is required.");
        }
        else if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
        {
            Fail("country", "aeo.country.invalid", $"country '{country}' is not a two-letter ISO 3166 code.");
        }

        var certificate = field("certificate")?.Trim().ToUpperInvariant();
        if (certificate is not null && (certificate.Length > 16 || !certificate.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            Fail("certificate", "aeo.certificate.invalid", $"certificate '{certificate}' is not a kind of authorisation such as AEOF, AEOS or AEOC.");
        }

        var validFrom = Date(field("validFrom"), "validFrom", required: true, Fail);
        var validTo = Date(field("validTo"), "validTo", required: false, Fail);
        if (validFrom is { } from && validTo is { } to && to < from)
        {
            Fail("validTo", "aeo.valid-to.before-from", $"validTo {to:yyyy-MM-dd} is before validFrom {from:yyyy-MM-dd}.");
        }

        return errors.Count > before ? null : new AeoRow(traderId!, name!, country!, certificate, validFrom!.Value, validTo);
    }

    private static DateOnly? Date(string? text, string name, bool required, Action<string, string, string> fail)
    {
        if (text is null)
        {
            if (required)
            {
                fail(name, $"aeo.{Kebab(name)}.required", $"{name} is required (yyyy-MM-dd).");
            }

            return null;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            fail(name, $"aeo.{Kebab(name)}.invalid", $"{name} '{text}' is not a date (yyyy-MM-dd).");
            return null;
        }

        return day;
    }

    private static int Index(string pointer) =>
        pointer.Split('/', StringSplitOptions.RemoveEmptyEntries) is [var first, ..] && int.TryParse(first, CultureInfo.InvariantCulture, out var i) ? i : -1;

    private static string Kebab(string name) => name == "validFrom" ? "valid-from" : "valid-to";

    private static string Prefix(int? line) => line is { } l ? string.Create(CultureInfo.InvariantCulture, $"Line {l}: ") : "";

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static JsonDocument? Parse(byte[] bytes, out Issue? error)
    {
        try
        {
            var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 8 });
            if (JsonText.Check(document.RootElement) is { } text)
            {
                document.Dispose();
                error = Error(text.Code, $"The body is not JSON the register can read: {text.Message}.", text.Pointer);
                return null;
            }

            error = null;
            return document;
        }
        catch (JsonException ex)
        {
            error = Error("json.invalid", $"The body is not JSON: {ex.Message}", "");
            return null;
        }
    }

    /// <summary>RFC 4180 records (CsvHelper) with the line each starts on; quoted fields may hold commas, quotes ("") and line breaks. Blank lines are skipped.</summary>
    private static List<(int Line, List<string> Values)> CsvRecords(string text, out Issue? error)
    {
        // The line a record starts on, from its offset in the text: counted forward once, records come in order.
        var (counted, line) = (0, 1);
        int LineOf(IParser parser)
        {
            var offset = Math.Clamp((int)parser.CharCount - parser.RawRecord.Length, counted, text.Length);
            line += text.AsSpan(counted, offset - counted).Count('\n');
            counted = offset;
            return line;
        }

        Issue? bad = null;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Mode = CsvMode.RFC4180,
            BadDataFound = args =>
            {
                if (bad is null)
                {
                    var at = LineOf(args.Context.Parser!);
                    bad = Error("csv.quote", string.Create(CultureInfo.InvariantCulture,
                        $"Line {at}: a quote inside an unquoted value, or a quoted value not closed; quote the whole value and double the quote (\"\")."), "", at);
                }
            },
        };
        var records = new List<(int, List<string>)>();
        using var parser = new CsvParser(new StringReader(text), configuration);
        while (bad is null && parser.Read())
        {
            records.Add((LineOf(parser), [.. parser.Record ?? []]));
        }

        error = bad;
        return records;
    }
}
