using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SmartCustoms.Cli.Tests.Assess;

/// <summary>3,000 synthetic declarations (seed 7), generated once for every assess test.</summary>
public sealed class GeneratedDeclarations : IAsyncLifetime
{
    public const int Count = 3000;

    private readonly TempFolder _folder = new();

    public string Path => System.IO.Path.Combine(_folder.Path, "declarations.jsonl");

    public async ValueTask InitializeAsync()
    {
        var run = await CliRun.StartAsync("generate", "--count", Count.ToString(CultureInfo.InvariantCulture), "--seed", "7", "--out", Path);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    public ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Criteria that spread scores over many values: each declaration hits the one band its total value falls in,
    /// weighted by the band's rank, so that lanes can take close to their shares.
    /// </summary>
    public static string SpreadCriteria()
    {
        var bands = new List<object>();
        var low = 100m;
        for (var i = 0; i < 60; i++)
        {
            var high = Math.Round(low * 1.25m);
            bands.Add(new
            {
                id = string.Create(CultureInfo.InvariantCulture, $"value-band-{i}"),
                name = string.Create(CultureInfo.InvariantCulture, $"Total value from {low} to {high}"),
                weight = i + 1,
                when = new { field = "totalCustomsValue", op = "between", values = new[] { low, high - 0.01m } },
            });
            low = high;
        }

        return JsonSerializer.Serialize(bands);
    }
}

/// <summary>The rows of a results file, read by the CSV rules (quoted fields, doubled quotes, line breaks inside quotes).</summary>
internal static class ResultsCsv
{
    public static List<Dictionary<string, string>> Read(string path)
    {
        var records = Parse(File.ReadAllText(path));
        var header = records[0];
        return [.. records.Skip(1).Select(r =>
        {
            Assert.Equal(header.Count, r.Count);
            return header.Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        })];
    }

    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }
}
