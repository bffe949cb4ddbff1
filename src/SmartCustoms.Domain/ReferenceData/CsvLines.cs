using System.Globalization;

namespace SmartCustoms.Domain.ReferenceData;

/// <summary>
/// Minimal reader for the embedded CSVs. They are produced by us (see Data/NOTICE.md), so it supports only what
/// they contain: comma separators, RFC 4180 quoting, and no field spanning lines.
/// </summary>
internal static class CsvLines
{
    public static string ReadResource(string fileName)
    {
        var name = "SmartCustoms.ReferenceData." + fileName;
        using var stream = typeof(CsvLines).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing; check the csproj EmbeddedResource item.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Calls <paramref name="onRow"/> for every data line after checking the header matches.</summary>
    public static void ForEachRow(string fileName, string expectedHeader, RowAction onRow)
    {
        var text = ReadResource(fileName);
        var lineNumber = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            if (lineNumber == 1)
            {
                // A changed column order would silently put names where codes belong.
                if (!line.SequenceEqual(expectedHeader))
                {
                    throw new InvalidDataException($"{fileName}: expected header '{expectedHeader}', found '{line}'.");
                }
                continue;
            }
            if (line.IsEmpty)
            {
                continue;
            }
            var fields = new CsvFields(line, fileName, lineNumber);
            onRow(ref fields);
            fields.EnsureConsumed();
        }
    }

    public static int ParseInt(ReadOnlySpan<char> value) =>
        int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
}

internal delegate void RowAction(ref CsvFields fields);

/// <summary>Walks the fields of one line left to right without allocating for unquoted or simply quoted fields.</summary>
internal ref struct CsvFields(ReadOnlySpan<char> line, string fileName, int lineNumber)
{
    private ReadOnlySpan<char> rest = line;
    private bool exhausted;

    public ReadOnlySpan<char> Next()
    {
        if (exhausted)
        {
            throw Error("too few fields");
        }
        if (!rest.IsEmpty && rest[0] == '"')
        {
            return NextQuoted();
        }
        var comma = rest.IndexOf(',');
        if (comma < 0)
        {
            exhausted = true;
            return rest;
        }
        var field = rest[..comma];
        rest = rest[(comma + 1)..];
        return field;
    }

    public string NextString() => new(Next());

    public readonly void EnsureConsumed()
    {
        if (!exhausted)
        {
            throw Error("too many fields");
        }
    }

    private ReadOnlySpan<char> NextQuoted()
    {
        var body = rest[1..];
        var escaped = false;
        var i = 0;
        while (true)
        {
            var quote = body[i..].IndexOf('"');
            if (quote < 0)
            {
                throw Error("unterminated quoted field");
            }
            i += quote;
            if (i + 1 < body.Length && body[i + 1] == '"')
            {
                escaped = true;
                i += 2;
                continue;
            }
            break;
        }
        var field = body[..i];
        var after = body[(i + 1)..];
        if (after.IsEmpty)
        {
            exhausted = true;
        }
        else if (after[0] == ',')
        {
            rest = after[1..];
        }
        else
        {
            throw Error("text after closing quote");
        }
        return escaped ? field.ToString().Replace("\"\"", "\"", StringComparison.Ordinal) : field;
    }

    private readonly InvalidDataException Error(string problem) =>
        new($"{fileName} line {lineNumber.ToString(CultureInfo.InvariantCulture)}: {problem}.");
}
