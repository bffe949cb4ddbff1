using System.CommandLine;
using System.Globalization;
using SmartCustoms.Cli.Hosting;
using SmartCustoms.Domain.Edifact;
using SmartCustoms.Domain.Outcomes;

namespace SmartCustoms.Cli.Edifact;

/// <summary>
/// <c>edifact parse FILE [--json]</c>: any UN/EDIFACT interchange read with the node's reader, its envelope and
/// segments, and for COPRAR, CODECO, BAPLIE, CUSCAR and IFCSUM the typed view the node works from.
/// </summary>
internal static class EdifactCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "An EDIFACT interchange (with or without UNA and UNB)" };
        var json = new Option<bool>("--json") { Description = "Print the interchange as JSON: envelope, messages, segments with their elements, and the typed view" };
        var type = new Option<string?>("--as")
        {
            Description = "Read every message as this type (COPRAR, CODECO, BAPLIE, CUSCAR, IFCSUM) when its UNH names none",
            HelpName = "TYPE",
        };
        var lenient = new Option<bool>("--lenient-counts")
        {
            Description = "Report a wrong UNT, UNE or UNZ count or reference as a warning instead of refusing the interchange",
        };
        var parse = new Command("parse", "Read an EDIFACT file; exit 0 if it reads, 1 if it is refused (each error on stderr with its segment position)")
        {
            file, json, type, lenient,
        };
        parse.SetAction((parsed, cancellationToken) => ParseAsync(
            console, parsed.GetValue(file)!, parsed.GetValue(json), parsed.GetValue(type), parsed.GetValue(lenient), cancellationToken));
        return new Command("edifact", "UN/EDIFACT interchanges: terminal messages (COPRAR, CODECO, BAPLIE), cargo reports (CUSCAR)") { parse };
    }

    private static async Task<int> ParseAsync(CliConsole console, string path, bool json, string? type, bool lenient, CancellationToken cancellationToken)
    {
        var options = EdifactOptions.Default with { ControlMismatch = lenient ? IssueSeverity.Warning : IssueSeverity.Error };
        byte[] bytes;
        try
        {
            if (new FileInfo(path).Length > options.MaxBytes)
            {
                await console.FailAsync(string.Create(CultureInfo.InvariantCulture, $"{path}: larger than the {options.MaxBytes} bytes the reader accepts.")).ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await console.FailAsync($"{path}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var outcome = EdifactReader.Read(bytes, options);
        if (!outcome.TryGetValue(out var interchange, out var refusal))
        {
            foreach (var issue in refusal.Issues)
            {
                await WriteIssueAsync(console, path, issue).ConfigureAwait(false);
            }

            return ExitCodes.Failed;
        }

        var views = interchange.Messages.Select(m => EdifactViews.Read(m, type?.ToUpperInvariant())).ToList();
        foreach (var warning in interchange.Warnings.Concat(views.SelectMany(v => v.Warnings)))
        {
            await WriteIssueAsync(console, path, warning).ConfigureAwait(false);
        }

        if (json)
        {
            await console.Out.WriteLineAsync(EdifactJson.Write(interchange, views)).ConfigureAwait(false);
        }
        else
        {
            await EdifactSummary.WriteAsync(console.Out, path, interchange, views).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    private static Task WriteIssueAsync(CliConsole console, string path, Issue issue) =>
        console.Error.WriteLineAsync(
            $"{(issue.Severity == IssueSeverity.Error ? "error" : "warning")}: {path}: {(issue.Pointer.Length == 0 ? "" : issue.Pointer + ": ")}{issue.Code}: {issue.Message}");
}
