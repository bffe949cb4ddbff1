using System.CommandLine;
using System.Globalization;
using SmartCustoms.Cli.Hosting;
using SmartCustoms.Domain.Risk;

namespace SmartCustoms.Cli.Risk;

/// <summary>
/// <c>criteria import</c> and <c>criteria export</c>: the node's risk criteria as one JSON array, read and written directly
/// in its database. An import is checked whole first and stored in one transaction; a running node applies it within
/// <c>RefreshSeconds</c>.
/// </summary>
internal static class CriteriaCommands
{
    public const string LoadedBy = "cli";

    public static Command Create(CliConsole console, StorageArguments storage)
    {
        var criteria = new Command("criteria", "Import or export the node's risk criteria") { ImportCommand(console, storage), ExportCommand(console, storage) };
        storage.AddTo(criteria);
        return criteria;
    }

    private static Command ImportCommand(CliConsole console, StorageArguments storage)
    {
        var file = new Argument<string>("FILE") { Description = "A JSON array of criteria (docs/risk-criteria.md), as `criteria export` writes it" };
        var command = new Command("import", "Check a set of criteria and store each as the next version of its id; one error stores none") { file };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var path = parsed.GetValue(file)!;
            string json;
            try
            {
                json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await console.FailAsync($"criteria {path} cannot be read: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            // Checked before the database is opened: a bad file leaves the node's criteria untouched.
            if (!CriteriaFile.Check(json).TryGetValue(out var documents, out var refusal))
            {
                foreach (var issue in refusal.Issues)
                {
                    await console.FailAsync($"criteria {path}: {(issue.Pointer.Length == 0 ? "" : issue.Pointer + ": ")}{issue.Message} [{issue.Code}]").ConfigureAwait(false);
                }

                await console.FailAsync("no criterion was stored.").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            return await storage.RunAsync(parsed, console, async (database, ct) =>
            {
                var stored = await database.Risk.SaveCriteriaAsync(documents, LoadedBy, TimeProvider.System.GetUtcNow(), ct).ConfigureAwait(false);
                foreach (var criterion in stored)
                {
                    await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{criterion.Id}: version {criterion.Version}")).ConfigureAwait(false);
                }

                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Imported {stored.Count} criteria ({stored.Count(c => c.Version == 1)} new).")).ConfigureAwait(false);
                return ExitCodes.Ok;
            }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Command ExportCommand(CliConsole console, StorageArguments storage)
    {
        var file = new Argument<string>("FILE") { Description = "Where to write the criteria in force, as a JSON array (`-` for standard output)" };
        var retired = new Option<bool>("--include-retired") { Description = "Also write retired criteria (an import brings them back)" };
        var command = new Command("export", "Write the current version of each criterion as a JSON array that `criteria import` reads") { file, retired };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var path = parsed.GetValue(file)!;
            return await storage.RunAsync(parsed, console, async (database, ct) =>
            {
                var criteria = await database.Risk.ListCurrentAsync(parsed.GetValue(retired), ct).ConfigureAwait(false);
                var json = CriteriaFile.Write(criteria.Select(c => c.Document)) + "\n";
                if (path == "-")
                {
                    await console.Out.WriteAsync(json.AsMemory(), ct).ConfigureAwait(false);
                    return ExitCodes.Ok;
                }

                try
                {
                    await File.WriteAllTextAsync(path, json, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    await console.FailAsync($"criteria cannot be written to {path}: {ex.Message}").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Exported {criteria.Count} criteria to {path}.")).ConfigureAwait(false);
                return ExitCodes.Ok;
            }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
