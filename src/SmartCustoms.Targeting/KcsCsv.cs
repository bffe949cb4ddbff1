using System.Globalization;

namespace SmartCustoms.Targeting;

/// <summary>Reads the labelled KCS declarations CSV (header row, comma separated, columns found by name).</summary>
public static class KcsCsv
{
    public const string DateColumn = "Date";
    public const string FraudColumn = "Fraud";
    public const string CriticalColumn = "Critical Fraud";

    private static readonly string[] Required =
    [
        DateColumn, "Office ID", "Process Type", "Import Type", "Import Use", "Payment Type", "Mode of Transport",
        "Declarant ID", "Importer ID", "Seller ID", "Courier ID", "HS6 Code", "Country of Departure",
        "Country of Origin", "Tax Rate", "Tax Type", "Country of Origin Indicator", "Net Mass", "Item Price",
        FraudColumn, CriticalColumn,
    ];

    /// <summary>All rows of <paramref name="path"/>; throws <see cref="KcsFormatException"/> at the first malformed cell.</summary>
    public static IReadOnlyList<LabelledRecord> Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    public static IReadOnlyList<LabelledRecord> Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine() ?? throw new KcsFormatException(source, 1, null, "the file is empty: expected a header row");
        var names = header.TrimStart('\uFEFF').Split(',');
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            index.TryAdd(names[i].Trim(), i);
        }

        var missing = Required.Where(name => !index.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            throw new KcsFormatException(source, 1, null, "missing column(s) " + string.Join(", ", missing.Select(m => $"'{m}'")));
        }

        var rows = new List<LabelledRecord>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            if (cells.Length != names.Length)
            {
                throw new KcsFormatException(source, lineNumber, null,
                    string.Create(CultureInfo.InvariantCulture, $"{cells.Length} cells where the header has {names.Length}"));
            }

            rows.Add(new Row(cells, index, source, lineNumber).Parse());
        }

        return rows;
    }

    private readonly ref struct Row(string[] cells, Dictionary<string, int> index, string source, int line)
    {
        public LabelledRecord Parse()
        {
            var record = new TargetingRecord
            {
                Office = Text("Office ID"),
                ProcessType = Text("Process Type"),
                ImportType = Text("Import Type"),
                ImportUse = Text("Import Use"),
                PaymentType = Text("Payment Type"),
                TransportMode = Text("Mode of Transport"),
                DeclarantId = Text("Declarant ID"),
                ImporterId = Text("Importer ID"),
                SellerId = Text("Seller ID"),
                CourierId = Text("Courier ID"),
                Hs6 = Text("HS6 Code"),
                DepartureCountry = Text("Country of Departure"),
                OriginCountry = Text("Country of Origin"),
                TaxRate = Number("Tax Rate"),
                TaxType = Text("Tax Type"),
                OriginIndicator = Text("Country of Origin Indicator"),
                NetMass = Number("Net Mass"),
                ItemPrice = Number("Item Price"),
            };
            var fraud = Integer(FraudColumn, 0, 1);
            var critical = Integer(CriticalColumn, 0, 2);
            if (critical > 0 && fraud == 0)
            {
                throw new KcsFormatException(source, line, CriticalColumn, "critical fraud without fraud (Fraud is 0)");
            }

            return new LabelledRecord(record, fraud == 1, critical, Date());
        }

        private string Text(string column) => cells[index[column]].Trim();

        private double Number(string column)
        {
            var text = Text(column);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
            {
                throw new KcsFormatException(source, line, column, $"'{text}' is not a non-negative number");
            }

            return value;
        }

        private int Integer(string column, int min, int max)
        {
            var text = Text(column);
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                throw new KcsFormatException(source, line, column,
                    string.Create(CultureInfo.InvariantCulture, $"'{text}' is not an integer from {min} to {max}"));
            }

            return value;
        }

        private DateOnly Date()
        {
            var text = Text(DateColumn);
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new KcsFormatException(source, line, DateColumn, $"'{text}' is not a date (yyyy-MM-dd)");
        }
    }
}

/// <summary>A KCS CSV file that cannot be read, with where: file, line (1 = header) and column when one is at fault.</summary>
public sealed class KcsFormatException : FormatException
{
    public KcsFormatException(string file, int line, string? column, string problem)
        : base(column is null
            ? string.Create(CultureInfo.InvariantCulture, $"{file}, line {line}: {problem}")
            : string.Create(CultureInfo.InvariantCulture, $"{file}, line {line}, column '{column}': {problem}"))
    {
        File = file;
        Line = line;
        Column = column;
    }

    public KcsFormatException() { File = ""; }

    public KcsFormatException(string message) : base(message) { File = ""; }

    public KcsFormatException(string message, Exception innerException) : base(message, innerException) { File = ""; }

    public string File { get; }
    public int Line { get; }
    public string? Column { get; }
}
