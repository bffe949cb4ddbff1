using System.CommandLine;
using System.Globalization;
using SmartCustoms.Cli.Hosting;

namespace SmartCustoms.Cli.Tariffs;

/// <summary><c>tariff import</c>: replaces the schedule the node assesses duties with; the previous one stays in the history.</summary>
internal static class TariffCommands
{
    public const string LoadedBy = "cli";

    public static Command Create(CliConsole console, StorageArguments storage)
    {
        var tariff = new Command("tariff", "Manage the node's tariff schedule") { ImportCommand(console, storage) };
        storage.AddTo(tariff);
        return tariff;
    }

    private static Command ImportCommand(CliConsole console, StorageArguments storage)
    {
        var file = new Argument<string>("FILE") { Description = "Tariff schedule in JSON, in the form of the shipped demo tariff" };
        var command = new Command("import", "Check a tariff schedule and make it the one in force") { file };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var path = parsed.GetValue(file)!;
            // Checked before the database is opened: a bad file must leave the node's state untouched.
            var (schedule, exitCode) = await TariffInput.LoadAsync(console, path, cancellationToken).ConfigureAwait(false);
            if (schedule is null)
            {
                return exitCode;
            }

            return await storage.RunAsync(parsed, console, async (database, ct) =>
            {
                await database.Tariffs.SaveAsync(schedule, LoadedBy, TimeProvider.System.GetUtcNow(), ct).ConfigureAwait(false);
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Imported tariff \"{schedule.Name}\" ({schedule.Currency}): {schedule.Lines.Count} lines, {schedule.ExchangeRates.Count} exchange rates.")).ConfigureAwait(false);
                return ExitCodes.Ok;
            }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
