using System.Globalization;
using System.Text;
using System.Text.Json;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Synthetic;

namespace SmartCustoms.Cli.Generate;

/// <summary>What was written, for the summary: counts that a user checks against the options asked for.</summary>
internal sealed class GenerateTally
{
    private readonly SortedDictionary<string, int> _fraud = new(StringComparer.Ordinal);

    public int Count { get; private set; }
    public int Imports { get; private set; }
    public int Exports { get; private set; }
    public int Fraud => _fraud.Values.Sum();
    public IReadOnlyDictionary<string, int> FraudByPattern => _fraud;

    public void Add(GeneratedDeclaration generated)
    {
        Count++;
        if (generated.Declaration.IsImport)
        {
            Imports++;
        }
        else
        {
            Exports++;
        }

        if (generated.FraudPattern is { } pattern)
        {
            _fraud[pattern] = _fraud.GetValueOrDefault(pattern) + 1;
        }
    }
}

/// <summary>
/// The declarations file (one compact canonical JSON object per line, lodgeable as it is) and its labels sidecar.
/// Labels stay out of the declarations so that nothing in a lodged file tells the node what was planted.
/// </summary>
internal sealed class SyntheticFiles : IDisposable
{
    public const string LabelsHeader = "lrn,date,fraudPattern";

    private static readonly JsonWriterOptions LineOptions = new()
    {
        Encoder = DeclarationJson.Options.Encoder,
        Indented = false,
        MaxDepth = DeclarationJson.MaxDepth,
    };

    private readonly FileStream _declarations;
    private readonly Utf8JsonWriter _json;
    private readonly StreamWriter _labels;

    private SyntheticFiles(FileStream declarations, StreamWriter labels)
    {
        _declarations = declarations;
        _json = new Utf8JsonWriter(declarations, LineOptions);
        _labels = labels;
    }

    /// <summary>FILE.jsonl's labels go to FILE.labels.csv, beside it.</summary>
    public static string LabelsPath(string declarationsPath) => Path.ChangeExtension(declarationsPath, ".labels.csv");

    /// <summary>Creates (or replaces) both files; throws IOException or UnauthorizedAccessException when either cannot be.</summary>
    public static SyntheticFiles Create(string declarationsPath)
    {
        var declarations = new FileStream(declarationsPath, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1 << 16);
        try
        {
            var labels = new StreamWriter(LabelsPath(declarationsPath), append: false, new UTF8Encoding(false), bufferSize: 1 << 16)
            {
                NewLine = "\n",
            };
            labels.WriteLine(LabelsHeader);
            return new SyntheticFiles(declarations, labels);
        }
        catch
        {
            declarations.Dispose();
            throw;
        }
    }

    public void Write(GeneratedDeclaration generated)
    {
        JsonSerializer.Serialize(_json, generated.Declaration, DeclarationJson.Options);
        _json.Flush();
        _json.Reset();
        _declarations.WriteByte((byte)'\n');
        // LRNs, dates and pattern names never hold commas or quotes, so no field needs CSV quoting.
        _labels.Write(generated.Declaration.Lrn);
        _labels.Write(',');
        _labels.Write(generated.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        _labels.Write(',');
        _labels.WriteLine(generated.FraudPattern);
    }

    public void Dispose()
    {
        try
        {
            _json.Dispose();
            _declarations.Dispose();
        }
        finally
        {
            _labels.Dispose();
        }
    }
}
