using System.CommandLine;
using SmartCustoms.Cli.Aeo;
using SmartCustoms.Cli.Declarations;
using SmartCustoms.Cli.Edifact;
using SmartCustoms.Cli.Exchange;
using SmartCustoms.Cli.Hosting;
using SmartCustoms.Cli.Keys;
using SmartCustoms.Cli.Tariffs;
using SmartCustoms.Cli.Validation;

return await SmartCustomsCli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);

/// <summary>The <c>smartcustoms</c> command tree, invocable in-process so that tests see exactly what a user sees.</summary>
internal static class SmartCustomsCli
{
    public static RootCommand Build(CliConsole console)
    {
        var storage = new StorageArguments();
        return new RootCommand("SmartCustoms: check declarations offline, administer a node, lodge declarations with it.")
        {
            ValidateCommand.Create(console),
            KeysCommands.Create(console, storage),
            PartnersCommands.Create(console, storage),
            AeoCommands.Create(console),
            TariffCommands.Create(console, storage),
            SmartCustoms.Cli.Risk.CriteriaCommands.Create(console, storage),
            DeclarationsCommands.Create(console),
            SmartCustoms.Cli.Generate.GenerateCommand.Create(console),
            SmartCustoms.Cli.Assess.AssessCommand.Create(console),
            SmartCustoms.Cli.Model.ModelCommands.Create(console, storage),
            SmartCustoms.Cli.Demo.DemoCommand.Create(console),
            EdifactCommand.Create(console),
        };
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var console = CliConsole.Create(stdout, stderr);
        var parsed = Build(console).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // System.CommandLine answers 1 for parse errors; scripts need usage mistakes (2) apart from failed checks (1).
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }

            await stderr.WriteLineAsync($"Run '{CommandPath(parsed.CommandResult)} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }).ConfigureAwait(false);
    }

    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new Stack<string>();
        for (var current = result; current.Parent is System.CommandLine.Parsing.CommandResult parent; current = parent)
        {
            names.Push(current.Command.Name);
        }

        return string.Join(' ', names.Prepend("smartcustoms"));
    }
}
