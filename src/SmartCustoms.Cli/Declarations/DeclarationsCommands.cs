using System.CommandLine;
using System.Globalization;
using SmartCustoms.Cli.Hosting;

namespace SmartCustoms.Cli.Declarations;

/// <summary><c>declarations lodge</c>: sends declaration files to a node as a trader, several at a time.</summary>
internal static class DeclarationsCommands
{
    public const string ApiKeyVariable = "SMARTCUSTOMS_API_KEY";
    public const string DefaultServer = "http://127.0.0.1:5080";

    public static Command Create(CliConsole console) =>
        new("declarations", "Work with declarations on a running node") { LodgeCommand(console) };

    private static Command LodgeCommand(CliConsole console)
    {
        var files = new Argument<string[]>("FILE") { Description = "Declaration files, JSON or WCO DMS XML", Arity = ArgumentArity.OneOrMore };
        var server = new Option<string>("--server") { Description = "The node's URL", HelpName = "URL", DefaultValueFactory = _ => DefaultServer };
        var apiKey = new Option<string?>("--api-key")
        {
            Description = $"A trader API key (or set {ApiKeyVariable}, which keeps it out of shell history)",
            HelpName = "KEY",
        };
        var parallel = new Option<int>("--parallel") { Description = "Files in flight at once (1 to 16)", HelpName = "N", DefaultValueFactory = _ => 4 };
        parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 16)
            {
                result.AddError("--parallel must be between 1 and 16.");
            }
        });
        var command = new Command("lodge", "Lodge declaration files with a node; exit 1 if any is refused") { files, server, apiKey, parallel };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var key = parsed.GetValue(apiKey) ?? Environment.GetEnvironmentVariable(ApiKeyVariable);
            var serverText = parsed.GetValue(server)!;
            if (string.IsNullOrWhiteSpace(key))
            {
                await console.FailAsync($"no API key: give --api-key or set {ApiKeyVariable}.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (!Uri.TryCreate(serverText, UriKind.Absolute, out var serverUri) || serverUri.Scheme is not ("http" or "https"))
            {
                await console.FailAsync($"--server '{serverText}' is not an http or https URL.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            // Without the trailing slash a node behind a path prefix would lose its last segment.
            var baseUri = serverUri.AbsoluteUri.EndsWith('/') ? serverUri : new Uri(serverUri.AbsoluteUri + "/");
            using var http = NodeClient.CreateHttp(baseUri, key.Trim());
            var client = new NodeClient(http, serverText);
            return await LodgeAllAsync(console, client, parsed.GetValue(files) ?? [], parsed.GetValue(parallel), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> LodgeAllAsync(CliConsole console, NodeClient client, string[] paths, int parallel, CancellationToken cancellationToken)
    {
        var outcomes = new LodgeOutcome?[paths.Length];
        LodgeOutcome? stopped = null;
        var progress = new LodgeProgress(console, paths.Length);
        await progress.RunAsync(() => Parallel.ForEachAsync(
            Enumerable.Range(0, paths.Length),
            new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                // Once the node is known to be unreachable, each further file would only repeat that.
                if (Volatile.Read(ref stopped) is not null)
                {
                    return;
                }

                var outcome = await LodgeOneAsync(client, paths[i], ct).ConfigureAwait(false);
                outcomes[i] = outcome;
                if (outcome.Result == LodgeResult.NodeProblem)
                {
                    // Said once, after the run: files in flight at the same moment fail the same way.
                    Interlocked.CompareExchange(ref stopped, outcome, null);
                    return;
                }

                progress.Report(outcome);
            })).ConfigureAwait(false);

        if (stopped is not null)
        {
            await console.FailAsync(stopped.Detail!).ConfigureAwait(false);
        }

        await console.Out.WriteLineAsync(Summary(outcomes)).ConfigureAwait(false);
        return stopped is null && outcomes.All(o => o is { Succeeded: true }) ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static async Task<LodgeOutcome> LodgeOneAsync(NodeClient client, string path, CancellationToken cancellationToken)
    {
        var (file, problem, _) = await DeclarationFile.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        return file is null
            ? LodgeOutcome.Failure(path, LodgeResult.NotSent, problem!)
            : await client.LodgeAsync(file, cancellationToken).ConfigureAwait(false);
    }

    private static string Summary(LodgeOutcome?[] outcomes)
    {
        var created = outcomes.Count(o => o?.Result == LodgeResult.Created);
        var again = outcomes.Count(o => o?.Result == LodgeResult.AlreadyLodged);
        var failed = outcomes.Count(o => o is { Succeeded: false });
        var notTried = outcomes.Count(o => o is null);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{outcomes.Length} file(s): {created} lodged, {again} already lodged, {failed} failed");
        return notTried == 0 ? summary : summary + string.Create(CultureInfo.InvariantCulture, $", {notTried} not attempted");
    }
}
