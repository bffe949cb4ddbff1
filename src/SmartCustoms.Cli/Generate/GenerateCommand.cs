using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using SmartCustoms.Cli.Hosting;
using SmartCustoms.Domain.Synthetic;

namespace SmartCustoms.Cli.Generate;

/// <summary><c>generate</c>: realistic synthetic declarations with labelled planted fraud, for demos, tests and load.</summary>
internal static class GenerateCommand
{
    private static readonly DateOnly DefaultStart = new SyntheticOptions { Count = 1 }.Start;

    public static Command Create(CliConsole console)
    {
        var count = new Option<int>("--count") { Description = "Number of declarations to generate", HelpName = "N", Required = true };
        count.Validators.Add(result => Check(result, result.GetValueOrDefault<int>() >= 1, "--count must be at least 1."));
        var output = new Option<string>("--out")
        {
            Description = "Declarations file to write (replaced if it exists); the labels go beside it, see above",
            HelpName = "FILE.jsonl",
            Required = true,
        };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed and options give the same files", HelpName = "S", DefaultValueFactory = _ => 1 };
        var fraudShare = new Option<double>("--fraud-share") { Description = "Share of declarations with planted fraud, 0 to 1", HelpName = "SHARE", DefaultValueFactory = _ => 0.05 };
        fraudShare.Validators.Add(result => Check(result, result.GetValueOrDefault<double>() is >= 0 and <= 1, "--fraud-share must be between 0 and 1."));
        // No DefaultValueFactory: help would print the default in the invariant culture's month-first form.
        var start = new Option<DateOnly?>("--start")
        {
            Description = $"First day of the issue dates, yyyy-MM-dd [default: {DefaultStart:yyyy-MM-dd}]",
            HelpName = "DATE",
            CustomParser = ParseDate,
        };
        var days = new Option<int>("--days") { Description = "Number of days the declarations are spread over", HelpName = "N", DefaultValueFactory = _ => 90 };
        days.Validators.Add(result => Check(result, result.GetValueOrDefault<int>() >= 1, "--days must be at least 1."));
        var country = new Option<string>("--country")
        {
            Description = "Declaring country: prefix of trader ids and customs offices (XX, like a node's default NodeId)",
            HelpName = "CC",
            DefaultValueFactory = _ => "XX",
        };
        var command = new Command("generate",
            "Write realistic synthetic declarations for demos, tests and load. FILE.jsonl gets one declaration per line in "
            + "the canonical JSON shape, ready to lodge as it is; the planted fraud labels go to FILE.labels.csv beside it "
            + "(columns lrn,date,fraudPattern; an empty pattern marks an honest declaration), never into the declarations. "
            + "Patterns: " + string.Join(", ", FraudPatterns.All) + ".")
        {
            count, output, seed, fraudShare, start, days, country,
        };
        command.SetAction((parsed, cancellationToken) =>
        {
            var options = new SyntheticOptions
            {
                Count = parsed.GetValue(count),
                Seed = parsed.GetValue(seed),
                FraudShare = parsed.GetValue(fraudShare),
                Start = parsed.GetValue(start) ?? DefaultStart,
                Days = parsed.GetValue(days),
                Country = parsed.GetValue(country)!,
            };
            return RunAsync(console, options, parsed.GetValue(output)!, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, SyntheticOptions options, string path, CancellationToken cancellationToken)
    {
        if (options.Problems() is { Count: > 0 } problems)
        {
            await console.FailAsync(string.Join(" ", problems)).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (Directory.Exists(path))
        {
            await console.FailAsync($"cannot write {path}: a folder, not a file.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var started = TimeProvider.System.GetTimestamp();
        var tally = new GenerateTally();
        try
        {
            using var files = SyntheticFiles.Create(path);
            await console.WithProgressAsync("Generating", options.Count, report =>
            {
                foreach (var generated in SyntheticDeclarations.Generate(options))
                {
                    files.Write(generated);
                    tally.Add(generated);
                    // Often enough for a smooth bar and a prompt Ctrl+C, rarely enough to cost nothing.
                    if (tally.Count % 1024 == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        report(tally.Count);
                    }
                }
            }).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await console.FailAsync($"cannot write {path}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        await WriteSummaryAsync(console.Out, options, path, tally, TimeProvider.System.GetElapsedTime(started)).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static async Task WriteSummaryAsync(TextWriter output, SyntheticOptions options, string path, GenerateTally tally, TimeSpan elapsed)
    {
        var invariant = CultureInfo.InvariantCulture;
        var last = options.Start.AddDays(options.Days - 1);
        await output.WriteLineAsync(string.Create(invariant,
            $"Generated {tally.Count} declarations (seed {options.Seed}, {options.Start:yyyy-MM-dd} to {last:yyyy-MM-dd}) in {elapsed.TotalSeconds:0.0} s")).ConfigureAwait(false);
        await output.WriteLineAsync($"  declarations  {path}").ConfigureAwait(false);
        await output.WriteLineAsync($"  labels        {SyntheticFiles.LabelsPath(path)}").ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(invariant, $"  imports       {tally.Imports}")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(invariant, $"  exports       {tally.Exports}")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(invariant, $"  planted fraud {tally.Fraud} ({100.0 * tally.Fraud / tally.Count:0.0}%)")).ConfigureAwait(false);
        foreach (var pattern in FraudPatterns.All)
        {
            await output.WriteLineAsync(string.Create(invariant, $"    {pattern,-24}{tally.FraudByPattern.GetValueOrDefault(pattern)}")).ConfigureAwait(false);
        }
    }

    private static DateOnly? ParseDate(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"--start '{text}' is not a date of the form yyyy-MM-dd.");
        return null;
    }

    private static void Check(OptionResult result, bool valid, string message)
    {
        if (!valid)
        {
            result.AddError(message);
        }
    }
}
