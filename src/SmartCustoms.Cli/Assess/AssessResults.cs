using System.Globalization;
using System.Text;
using SmartCustoms.Domain.Risk;

namespace SmartCustoms.Cli.Assess;

/// <summary>The results file: one CSV row per declaration read, written as it goes.</summary>
internal sealed class AssessResults : IDisposable
{
    public const string Header = "lrn,office,lane,score,random,hits,reasons";
    public const string InvalidLane = "invalid";

    private readonly StreamWriter _writer;

    private AssessResults(StreamWriter writer) => _writer = writer;

    /// <summary>Creates (or replaces) the file; throws IOException or UnauthorizedAccessException when it cannot be.</summary>
    public static AssessResults Create(string path)
    {
        var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n" };
        writer.WriteLine(Header);
        return new AssessResults(writer);
    }

    public void WriteDecision(string? lrn, string office, RiskDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var lane = LaneName(decision.Lane);
        var reasons = decision.Lane == Lane.Green ? "" : string.Join(" | ", decision.Reasons);
        WriteRow(lrn ?? "", office, lane, decision.Score.ToString("G29", CultureInfo.InvariantCulture),
            decision.Random ? "true" : "false", string.Join(';', decision.Hits.Select(h => h.Id)), reasons);
    }

    public void WriteInvalid(string? lrn, string office, IEnumerable<string> errorCodes) =>
        WriteRow(lrn ?? "", office, InvalidLane, "", "", "", string.Join(" | ", errorCodes.Distinct(StringComparer.Ordinal)));

    public static string LaneName(Lane lane) => lane switch
    {
        Lane.Red => "red",
        Lane.Yellow => "yellow",
        Lane.Blue => "blue",
        _ => "green",
    };

    /// <summary>RFC 4180: a field holding a comma, quote or line break is quoted, its quotes doubled.</summary>
    public static string Escape(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.AsSpan().IndexOfAny(",\"\r\n") < 0
            ? field
            : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private void WriteRow(params ReadOnlySpan<string> fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                _writer.Write(',');
            }

            _writer.Write(Escape(fields[i]));
        }

        _writer.WriteLine();
    }

    public void Dispose() => _writer.Dispose();
}

/// <summary>What the run found, for the summary.</summary>
internal sealed class AssessTally
{
    private readonly int[] _lanes = new int[4];

    public int Rows { get; private set; }
    public int Invalid { get; private set; }
    public int Random { get; private set; }
    public int Unreadable { get; private set; }
    public int Assessed => Rows - Invalid;

    public int CountOf(Lane lane) => _lanes[(int)lane];

    public void Add(RiskDecision decision)
    {
        Rows++;
        _lanes[(int)decision.Lane]++;
        if (decision.Random)
        {
            Random++;
        }
    }

    public void AddInvalid()
    {
        Rows++;
        Invalid++;
    }

    public void AddUnreadable() => Unreadable++;
}
