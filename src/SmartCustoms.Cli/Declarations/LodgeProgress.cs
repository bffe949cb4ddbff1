using System.Globalization;
using SmartCustoms.Cli.Hosting;
using Spectre.Console;

namespace SmartCustoms.Cli.Declarations;

/// <summary>
/// Reports files as they finish: above a live progress bar in a terminal, as numbered plain lines when piped
/// (a bar redrawn into a log file is only noise).
/// </summary>
internal sealed class LodgeProgress(CliConsole console, int total)
{
    private readonly Lock _gate = new();
    private int _done;
    private ProgressTask? _bar;

    public async Task RunAsync(Func<Task> work)
    {
        if (!console.IsTerminal)
        {
            await work().ConfigureAwait(false);
            return;
        }

        await console.Ansi.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                _bar = context.AddTask("Lodging", maxValue: total);
                await work().ConfigureAwait(false);
            })
            .ConfigureAwait(false);
    }

    /// <summary>Called from several workers at once: one file's lines must not interleave with another's.</summary>
    public void Report(LodgeOutcome outcome)
    {
        var lines = outcome.Describe();
        lock (_gate)
        {
            _done++;
            if (_bar is null)
            {
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_done}/{total}] {lines[0]}"));
                foreach (var line in lines.Skip(1))
                {
                    console.Out.WriteLine(line);
                }

                return;
            }

            foreach (var line in lines)
            {
                console.Ansi.WriteLine(line);
            }

            _bar.Increment(1);
        }
    }
}
