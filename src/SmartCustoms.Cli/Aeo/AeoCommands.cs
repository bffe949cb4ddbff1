using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SmartCustoms.Cli.Declarations;
using SmartCustoms.Cli.Hosting;
using Spectre.Console;

namespace SmartCustoms.Cli.Aeo;

/// <summary>
/// <c>aeo import</c>, <c>aeo list</c> and <c>aeo partners</c>: the node's AEO register, through the running node's API
/// (an administrator's key to import), because a change of the register sends the new list to partners.
/// </summary>
internal static class AeoCommands
{
    /// <summary>The node's own limit; a larger file is refused here before it is sent.</summary>
    private const int MaxFileBytes = 8 * 1024 * 1024;

    private sealed record NodeOptions(Option<string> Node, Option<string?> Key);

    public static Command Create(CliConsole console)
    {
        var node = new Option<string>("--node", "--server") { Description = "The node's URL", HelpName = "URL", DefaultValueFactory = _ => DeclarationsCommands.DefaultServer };
        var key = new Option<string?>("--key", "--api-key")
        {
            Description = $"An API key: an admin's to import, an officer's, analyst's or admin's to list (or set {DeclarationsCommands.ApiKeyVariable})",
            HelpName = "KEY",
        };
        var options = new NodeOptions(node, key);
        return new Command("aeo", "The node's register of Authorised Economic Operators, and the lists partners sent")
        {
            ImportCommand(console, options), ListCommand(console, options), PartnersCommand(console, options), SendCommand(console, options),
        };
    }

    private static Command ImportCommand(CliConsole console, NodeOptions options)
    {
        var file = new Argument<string>("FILE") { Description = "The whole register: CSV with header traderId,name,country,certificate,validFrom,validTo, or a JSON array" };
        var command = new Command("import", "Replace the node's AEO register with a file (all or nothing); the new list goes to partners") { file, options.Node, options.Key };
        command.SetAction((parsed, cancellationToken) => WithNodeAsync(console, options, parsed, async (http, node, ct) =>
        {
            var path = parsed.GetValue(file)!;
            byte[] bytes;
            try
            {
                if (new FileInfo(path).Length > MaxFileBytes)
                {
                    await console.FailAsync(string.Create(CultureInfo.InvariantCulture, $"{path}: larger than the {MaxFileBytes} bytes the node accepts.")).ConfigureAwait(false);
                    return ExitCodes.Failed;
                }

                bytes = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await console.FailAsync($"{path}: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            using var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(IsJson(path, bytes) ? "application/json" : "text/csv");
            using var response = await http.PostAsync(new Uri("api/aeo/import", UriKind.Relative), content, ct).ConfigureAwait(false);
            var body = await ReadJsonAsync(response, ct).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK || body is not { ValueKind: JsonValueKind.Object } result)
            {
                return await RefusedAsync(console, path, response, body).ConfigureAwait(false);
            }

            var entries = result.GetProperty("entries").GetInt32();
            var sentTo = result.GetProperty("sentTo").EnumerateArray().Select(e => e.GetString()).ToList();
            var recipients = sentTo.Count == 0 ? "no partner takes the list." : $"the new list goes to {string.Join(", ", sentTo)}.";
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Imported {entries} AEO entr{(entries == 1 ? "y" : "ies")} into the register of {node}; {recipients}")).ConfigureAwait(false);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command SendCommand(CliConsole console, NodeOptions options)
    {
        var command = new Command("send", "Send the register as it stands to every partner that takes it (e.g. one registered since the last change)")
        {
            options.Node, options.Key,
        };
        command.SetAction((parsed, cancellationToken) => WithNodeAsync(console, options, parsed, async (http, node, ct) =>
        {
            using var response = await http.PostAsync(new Uri("api/aeo/send", UriKind.Relative), null, ct).ConfigureAwait(false);
            var body = await ReadJsonAsync(response, ct).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK || body is not { ValueKind: JsonValueKind.Object } result)
            {
                return await RefusedAsync(console, node, response, body).ConfigureAwait(false);
            }

            var sentTo = string.Join(", ", result.GetProperty("sentTo").EnumerateArray().Select(e => e.GetString()));
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Queued the AEO register of {node} ({result.GetProperty("entries").GetInt32()} entries on the register; expired ones are not sent) for {sentTo}.")).ConfigureAwait(false);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command ListCommand(CliConsole console, NodeOptions options)
    {
        var command = new Command("list", "List the node's AEO register") { options.Node, options.Key };
        command.SetAction((parsed, cancellationToken) => WithNodeAsync(console, options, parsed, async (http, node, ct) =>
        {
            using var response = await http.GetAsync(new Uri("api/aeo", UriKind.Relative), ct).ConfigureAwait(false);
            var body = await ReadJsonAsync(response, ct).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK || body is not { ValueKind: JsonValueKind.Array } entries)
            {
                return await RefusedAsync(console, node, response, body).ConfigureAwait(false);
            }

            if (entries.GetArrayLength() == 0)
            {
                await console.Out.WriteLineAsync("The AEO register is empty; import one with: smartcustoms aeo import FILE --node URL --key KEY").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns(
                new TableColumn("Trader").NoWrap(), new TableColumn("Name"), new TableColumn("Country"), new TableColumn("Certificate"),
                new TableColumn("Valid from").NoWrap(), new TableColumn("Valid to").NoWrap(), new TableColumn("Valid today"));
            foreach (var e in entries.EnumerateArray())
            {
                // Text, not markup: names come from a file someone else wrote.
                table.AddRow(new Text(Text(e, "traderId")), new Text(Text(e, "name")), new Text(Text(e, "country")), new Text(Text(e, "certificate")),
                    new Text(Text(e, "validFrom")), new Text(Text(e, "validTo")), new Text(e.GetProperty("validToday").GetBoolean() ? "yes" : "no"));
            }

            console.Ansi.Write(table);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command PartnersCommand(CliConsole console, NodeOptions options)
    {
        var command = new Command("partners", "List the AEO lists partners sent: sender, date, entries, whether the agreement recognises them") { options.Node, options.Key };
        command.SetAction((parsed, cancellationToken) => WithNodeAsync(console, options, parsed, async (http, node, ct) =>
        {
            using var response = await http.GetAsync(new Uri("api/aeo/partners", UriKind.Relative), ct).ConfigureAwait(false);
            var body = await ReadJsonAsync(response, ct).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK || body is not { ValueKind: JsonValueKind.Array } lists)
            {
                return await RefusedAsync(console, node, response, body).ConfigureAwait(false);
            }

            if (lists.GetArrayLength() == 0)
            {
                await console.Out.WriteLineAsync("No partner has sent an AEO list.").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns(
                new TableColumn("Sender").NoWrap(), new TableColumn("Recognised"), new TableColumn("Listed at (UTC)").NoWrap(), new TableColumn("Entries"));
            foreach (var l in lists.EnumerateArray())
            {
                table.AddRow(new Text(Text(l, "sender")), new Text(l.GetProperty("recognised").GetBoolean() ? "yes" : "no"),
                    new Text(l.GetProperty("listedAt").GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                    new Text(l.GetProperty("entries").GetArrayLength().ToString(CultureInfo.InvariantCulture)));
            }

            console.Ansi.Write(table);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    /// <summary>Checks the node's URL and the key (never printed), and turns an unreachable node into a message.</summary>
    private static async Task<int> WithNodeAsync(
        CliConsole console, NodeOptions options, ParseResult parsed, Func<HttpClient, string, CancellationToken, Task<int>> call, CancellationToken cancellationToken)
    {
        var key = parsed.GetValue(options.Key) ?? Environment.GetEnvironmentVariable(DeclarationsCommands.ApiKeyVariable);
        var nodeText = parsed.GetValue(options.Node)!;
        if (string.IsNullOrWhiteSpace(key))
        {
            await console.FailAsync($"no API key: give --key or set {DeclarationsCommands.ApiKeyVariable}.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (!Uri.TryCreate(nodeText, UriKind.Absolute, out var nodeUri) || nodeUri.Scheme is not ("http" or "https"))
        {
            await console.FailAsync($"--node '{nodeText}' is not an http or https URL.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var baseUri = nodeUri.AbsoluteUri.EndsWith('/') ? nodeUri : new Uri(nodeUri.AbsoluteUri + "/");
        using var http = NodeClient.CreateHttp(baseUri, key.Trim());
        try
        {
            return await call(http, nodeText, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            await console.FailAsync($"cannot reach the node at {nodeText}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await console.FailAsync(string.Create(CultureInfo.InvariantCulture, $"no answer from {nodeText} within {NodeClient.Timeout.TotalSeconds} s.")).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
    }

    /// <summary>Each error of the node's problem on its own line (with the file's line for a CSV), else the status and title.</summary>
    private static async Task<int> RefusedAsync(CliConsole console, string subject, HttpResponseMessage response, JsonElement? body)
    {
        var status = string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode} {response.ReasonPhrase}").TrimEnd();
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            await console.FailAsync($"{subject}: the node did not accept the API key ({status}); check --key or {DeclarationsCommands.ApiKeyVariable}.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            await console.FailAsync($"{subject}: the key's role may not do this ({status}); importing takes an admin key.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        if (body is { ValueKind: JsonValueKind.Object } problem)
        {
            await console.FailAsync($"{subject}: {status}: {Text(problem, "title")}. {Text(problem, "detail")}".TrimEnd()).ConfigureAwait(false);
            if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in errors.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
                {
                    var pointer = Text(error, "pointer");
                    await console.Error.WriteLineAsync($"  {(pointer.Length == 0 ? "/" : pointer)}: {Text(error, "message")}").ConfigureAwait(false);
                }
            }
        }
        else
        {
            await console.FailAsync($"{subject}: {status}").ConfigureAwait(false);
        }

        return ExitCodes.Failed;
    }

    private static bool IsJson(string path, byte[] bytes)
    {
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var first = bytes.SkipWhile(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF).FirstOrDefault();
        return first == (byte)'[';
    }

    private static async Task<JsonElement?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return bytes.Length == 0 ? null : JsonSerializer.Deserialize<JsonElement>(bytes);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
