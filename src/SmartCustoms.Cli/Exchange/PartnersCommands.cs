using System.CommandLine;
using System.Globalization;
using SmartCustoms.Cli.Hosting;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Validation;
using SmartCustoms.Storage;
using SmartCustoms.Storage.Exchange;
using Spectre.Console;

namespace SmartCustoms.Cli.Exchange;

/// <summary><c>partners add</c> and <c>partners list</c>: exchange partners straight in the node's database, like <c>keys</c>.</summary>
internal static class PartnersCommands
{
    private const int MaxFileBytes = 256 * 1024;

    public static Command Create(CliConsole console, StorageArguments storage)
    {
        var partners = new Command("partners", "Register and list the nodes this node exchanges messages with") { AddCommand(console, storage), ListCommand(console, storage) };
        storage.AddTo(partners);
        return partners;
    }

    private static Command AddCommand(CliConsole console, StorageArguments storage)
    {
        var card = new Option<string>("--card") { Description = "The partner's node card (its GET /api/exchange/node-card)", HelpName = "FILE", Required = true };
        var agreement = new Option<string>("--agreement")
        {
            Description = "The agreement: weSend, theySend, sharedFields, controlResults, aeoRecognised (see README)", HelpName = "FILE", Required = true,
        };
        var command = new Command("add", "Register a partner, or replace its card and agreement") { card, agreement };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            // Checked before the database is opened: a bad file must leave the node's state untouched.
            var registration = await ReadAsync(console, parsed.GetValue(card)!, parsed.GetValue(agreement)!, cancellationToken).ConfigureAwait(false);
            if (registration is null)
            {
                return ExitCodes.Failed;
            }

            return await storage.RunAsync(parsed, console, async (database, ct) =>
            {
                var registered = await database.Exchange.ListPartnersAsync(ct).ConfigureAwait(false);
                var taken = PartnerValidation.CheckKeysNotTaken(registration.Card!, registered.Select(p => p.Card()));
                foreach (var issue in taken)
                {
                    await console.FailAsync($"{parsed.GetValue(card)} {issue.Pointer["/card".Length..]}: {issue.Message}").ConfigureAwait(false);
                }

                if (taken.Count > 0)
                {
                    return ExitCodes.Failed;
                }

                var record = PartnerRecords.From(registration, "cli", TimeProvider.System.GetUtcNow());
                await database.Exchange.SavePartnerAsync(record, ct).ConfigureAwait(false);
                await console.Out.WriteLineAsync(
                    $"Registered partner {record.NodeId} ({record.Country}) at {record.BaseUrl} with {registration.Card!.Keys.Count} key(s).").ConfigureAwait(false);
                return ExitCodes.Ok;
            }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<PartnerRegistration?> ReadAsync(CliConsole console, string cardPath, string agreementPath, CancellationToken cancellationToken)
    {
        var cardBytes = await ReadFileAsync(console, cardPath, cancellationToken).ConfigureAwait(false);
        var agreementBytes = await ReadFileAsync(console, agreementPath, cancellationToken).ConfigureAwait(false);
        if (cardBytes is null || agreementBytes is null)
        {
            return null;
        }

        var nodeCard = PartnerValidation.Read<NodeCard>(cardBytes, "/card", "The node card could not be read.");
        var terms = PartnerValidation.Read<Agreement>(agreementBytes, "/agreement", "The agreement could not be read.");
        var registration = nodeCard.Succeeded && terms.Succeeded ? new PartnerRegistration { Card = nodeCard.Value, Agreement = terms.Value } : null;
        IReadOnlyList<Issue> issues = registration is null
            ? [.. nodeCard.Refusal?.Issues ?? [], .. terms.Refusal?.Issues ?? []]
            : PartnerValidation.Check(registration, null, TimeProvider.System.GetUtcNow());
        foreach (var issue in issues)
        {
            // Pointers are into the file each came from.
            var (file, pointer) = issue.Pointer.StartsWith("/card", StringComparison.Ordinal)
                ? (cardPath, issue.Pointer["/card".Length..])
                : (agreementPath, issue.Pointer["/agreement".Length..]);
            await console.FailAsync($"{file} {(pointer.Length == 0 ? "/" : pointer)}: {issue.Message}").ConfigureAwait(false);
        }

        return issues.Count == 0 ? registration : null;
    }

    private static async Task<byte[]?> ReadFileAsync(CliConsole console, string path, CancellationToken cancellationToken)
    {
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                await console.FailAsync(string.Create(CultureInfo.InvariantCulture, $"{path}: larger than {MaxFileBytes} bytes.")).ConfigureAwait(false);
                return null;
            }

            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await console.FailAsync($"{path}: {ex.Message}").ConfigureAwait(false);
            return null;
        }
    }

    private static Command ListCommand(CliConsole console, StorageArguments storage)
    {
        var command = new Command("list", "List the registered partners and what each agreement allows");
        command.SetAction((parsed, cancellationToken) => storage.RunAsync(parsed, console, (database, ct) => ListAsync(console, database, ct), cancellationToken));
        return command;
    }

    private static async Task<int> ListAsync(CliConsole console, Database database, CancellationToken cancellationToken)
    {
        var partners = await database.Exchange.ListPartnersAsync(cancellationToken).ConfigureAwait(false);
        if (partners.Count == 0)
        {
            await console.Out.WriteLineAsync("No partners yet; register one with: smartcustoms partners add --card FILE --agreement FILE").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns(
            new TableColumn("Node").NoWrap(), new TableColumn("Base URL").NoWrap(), new TableColumn("We send"), new TableColumn("They send"),
            new TableColumn("Shared fields"), new TableColumn("Keys"), new TableColumn("Updated (UTC)"));
        foreach (var partner in partners)
        {
            var agreement = partner.Agreement();
            // Text, not markup: everything here came from a file someone else wrote.
            table.AddRow(
                new Text(partner.NodeId), new Text(partner.BaseUrl), new Text(string.Join(", ", agreement.WeSend)), new Text(string.Join(", ", agreement.TheySend)),
                new Text(string.Join(", ", agreement.SharedFields)), new Text(string.Join(", ", partner.Card().Keys.Select(k => k.Kid))),
                new Text(partner.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)));
        }

        console.Ansi.Write(table);
        return ExitCodes.Ok;
    }
}
