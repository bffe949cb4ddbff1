using System.CommandLine;
using System.Globalization;
using SmartCustoms.Cli.Hosting;
using SmartCustoms.Domain.Access;
using SmartCustoms.Storage;
using SmartCustoms.Storage.Access;
using Spectre.Console;

namespace SmartCustoms.Cli.Keys;

/// <summary><c>keys create</c> and <c>keys list</c>: API keys straight in the node's database, so the first ones need no running node.</summary>
internal static class KeysCommands
{
    // The issuer names API fields; a CLI user knows the options.
    private static readonly Dictionary<string, string> OptionFor = new(StringComparer.Ordinal)
    {
        ["role"] = "--role",
        ["partyId"] = "--party",
        ["name"] = "--name",
    };

    public static Command Create(CliConsole console, StorageArguments storage)
    {
        var keys = new Command("keys", "Create and list the node's API keys") { CreateCommand(console, storage), ListCommand(console, storage) };
        storage.AddTo(keys);
        return keys;
    }

    private static Command CreateCommand(CliConsole console, StorageArguments storage)
    {
        var role = new Option<string>("--role")
        {
            Description = "What the key may do",
            HelpName = "trader|officer|analyst|admin",
            Required = true,
        };
        var party = new Option<string?>("--party") { Description = "The party (e.g. EORI) a trader key lodges for", HelpName = "ID" };
        var name = new Option<string?>("--name") { Description = "A label to recognise the key by", HelpName = "NAME" };
        var command = new Command("create", "Create an API key and print its secret, once") { role, party, name };
        command.SetAction((parsed, cancellationToken) => storage.RunAsync(parsed, console,
            (database, ct) => CreateAsync(console, database, parsed.GetValue(role), parsed.GetValue(party), parsed.GetValue(name), ct),
            cancellationToken));
        return command;
    }

    private static Command ListCommand(CliConsole console, StorageArguments storage)
    {
        var command = new Command("list", "List the API keys (never their secrets)");
        command.SetAction((parsed, cancellationToken) => storage.RunAsync(parsed, console, (database, ct) => ListAsync(console, database, ct), cancellationToken));
        return command;
    }

    private static async Task<int> CreateAsync(
        CliConsole console, Database database, string? role, string? party, string? name, CancellationToken cancellationToken)
    {
        var issuer = new ApiKeyIssuer(database.ApiKeys, TimeProvider.System);
        var (key, secret, errors) = await issuer.IssueAsync(role, party, name, cancellationToken).ConfigureAwait(false);
        if (key is null || secret is null)
        {
            foreach (var (field, messages) in errors)
            {
                foreach (var message in messages)
                {
                    await console.FailAsync($"{OptionFor.GetValueOrDefault(field, field)}: {message}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Failed;
        }

        await console.Out.WriteLineAsync($"Created {RoleName(key.Role)} key {key.Id}{(key.PartyId is null ? "" : " for party " + key.PartyId)} (\"{key.Name}\").").ConfigureAwait(false);
        await console.Out.WriteLineAsync("Secret, shown only now (the node keeps just its hash):").ConfigureAwait(false);
        await console.Out.WriteLineAsync(secret).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static async Task<int> ListAsync(CliConsole console, Database database, CancellationToken cancellationToken)
    {
        var keys = await database.ApiKeys.ListAsync(cancellationToken).ConfigureAwait(false);
        if (keys.Count == 0)
        {
            await console.Out.WriteLineAsync("No API keys yet; create one with: smartcustoms keys create --role admin").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        // Ids and parties get copied into other commands: a narrow terminal may wrap the other columns, never those.
        var table = new Table().AddColumns(
            new TableColumn("Id").NoWrap(), new TableColumn("Role"), new TableColumn("Party").NoWrap(),
            new TableColumn("Name"), new TableColumn("Created (UTC)"), new TableColumn("Revoked (UTC)"));
        foreach (var key in keys)
        {
            // Text, not markup: names are whatever an admin typed, brackets included.
            table.AddRow(
                new Text(key.Id), new Text(RoleName(key.Role)), new Text(key.PartyId ?? ""), new Text(key.Name),
                new Text(Timestamp(key.CreatedAt)), new Text(key.RevokedAt is { } revoked ? Timestamp(revoked) : ""));
        }

        console.Ansi.Write(table);
        return ExitCodes.Ok;
    }

    private static string RoleName(Role role) => role.ToString().ToLowerInvariant();

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
