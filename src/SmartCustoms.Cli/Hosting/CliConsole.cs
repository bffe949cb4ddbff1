using Spectre.Console;

namespace SmartCustoms.Cli.Hosting;

/// <summary>
/// Where a command writes: plain writers for lines that scripts parse, and a Spectre console for tables and
/// progress. Live rendering only when stdout is a real terminal, so that piped output and tests get plain text.
/// </summary>
internal sealed class CliConsole
{
    // Wide enough that a key table piped to a file keeps one row per line.
    private const int PipedWidth = 200;

    private CliConsole(TextWriter output, TextWriter error, IAnsiConsole ansi, bool isTerminal)
    {
        Out = output;
        Error = error;
        Ansi = ansi;
        IsTerminal = isTerminal;
    }

    public TextWriter Out { get; }
    public TextWriter Error { get; }
    public IAnsiConsole Ansi { get; }
    public bool IsTerminal { get; }

    public static CliConsole Create(TextWriter stdout, TextWriter stderr)
    {
        var isTerminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!isTerminal)
        {
            ansi.Profile.Width = PipedWidth;
        }

        return new CliConsole(stdout, stderr, ansi, isTerminal);
    }

    public Task FailAsync(string message) => Error.WriteLineAsync("error: " + message);

    /// <summary>A live bar in a terminal; nothing until the summary when piped, where a redrawn bar is only noise.</summary>
    public async Task WithProgressAsync(string label, long total, Action<Action<long>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!IsTerminal)
        {
            work(_ => { });
            return;
        }

        await Ansi.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(context =>
            {
                var bar = context.AddTask(label, maxValue: Math.Max(total, 1));
                work(done => bar.Value = done);
                return Task.CompletedTask;
            })
            .ConfigureAwait(false);
    }
}
