using SmartCustoms.Cli.Hosting;
using SmartCustoms.Domain.Tariffs;

namespace SmartCustoms.Cli.Tariffs;

/// <summary>A tariff schedule file given on the command line, read and checked with the node's own rules.</summary>
internal static class TariffInput
{
    /// <summary>The schedule, or null after saying why on stderr; the exit code tells an unreadable file from an invalid one.</summary>
    public static async Task<(TariffSchedule? Schedule, int ExitCode)> LoadAsync(CliConsole console, string path, CancellationToken cancellationToken)
    {
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await console.FailAsync($"tariff {path} cannot be read: {ex.Message}").ConfigureAwait(false);
            return (null, ExitCodes.Usage);
        }

        var (schedule, errors) = TariffFile.Parse(json);
        foreach (var error in errors)
        {
            await console.FailAsync($"tariff {path}: {error}").ConfigureAwait(false);
        }

        return (schedule, schedule is null ? ExitCodes.Failed : ExitCodes.Ok);
    }
}
