using System.CommandLine;
using System.Globalization;
using SmartCustoms.Cli.Declarations;
using SmartCustoms.Cli.Hosting;
using SmartCustoms.Cli.Tariffs;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.ReferenceData;
using SmartCustoms.Domain.Tariffs;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Cli.Validation;

/// <summary><c>validate FILE...</c>: the node's own checks, offline, so a trader can fix a declaration before lodging it.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Declaration files, JSON or WCO DMS XML (told apart by their first character)",
            Arity = ArgumentArity.OneOrMore,
        };
        var tariff = new Option<string?>("--tariff")
        {
            Description = "Tariff schedule (JSON) to assess duties with, instead of the demo tariff",
            HelpName = "FILE",
        };
        var strictContainers = new Option<bool>("--strict-containers")
        {
            Description = "Treat a container number with a wrong check digit as an error, as a node with StrictContainerNumbers does",
        };
        var command = new Command("validate", "Check declaration files offline with the node's rules; exit 0 if all are valid, 1 if any is not")
        {
            files, tariff, strictContainers,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            console, parsed.GetValue(files) ?? [], parsed.GetValue(tariff), parsed.GetValue(strictContainers), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console, string[] paths, string? tariffPath, bool strictContainers, CancellationToken cancellationToken)
    {
        TariffSchedule? tariff = TariffFile.LoadDemo();
        if (tariffPath is not null)
        {
            (tariff, _) = await TariffInput.LoadAsync(console, tariffPath, cancellationToken).ConfigureAwait(false);
            if (tariff is null)
            {
                // A bad --tariff is a mistake in the invocation, not a finding about the declarations.
                return ExitCodes.Usage;
            }
        }

        var context = new ValidationContext
        {
            Catalog = ReferenceCatalog.Default,
            Now = TimeProvider.System.GetUtcNow(),
            StrictContainerNumbers = strictContainers,
        };
        var exitCode = ExitCodes.Ok;
        foreach (var path in paths)
        {
            var (file, problem, tooLarge) = await DeclarationFile.ReadAsync(path, cancellationToken).ConfigureAwait(false);
            if (file is null)
            {
                await console.FailAsync($"{path}: {problem}").ConfigureAwait(false);
                // Too large is a verdict on the declaration (the node would refuse it); unreadable is not.
                exitCode = Math.Max(exitCode, tooLarge ? ExitCodes.Failed : ExitCodes.Usage);
                continue;
            }

            exitCode = Math.Max(exitCode, await CheckAsync(console.Out, file, context, tariff).ConfigureAwait(false));
        }

        return exitCode;
    }

    private static async Task<int> CheckAsync(TextWriter output, DeclarationFile file, ValidationContext context, TariffSchedule tariff)
    {
        var document = DeclarationDocument.Read(file.Bytes, file.Format);
        var readErrors = document.Issues.Where(i => i.Severity == IssueSeverity.Error).ToList();
        // Issues found while reading already point in the file's own format; the checks' issues still need translating.
        var readWarnings = document.Issues.Where(i => i.Severity == IssueSeverity.Warning);
        if (document.Declaration is null || readErrors.Count > 0)
        {
            await WriteIssuesAsync(output, $"{file.Path}: INVALID ({Count(readErrors.Count, "error")})", readErrors).ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        var result = DeclarationCheck.Run(document.Declaration, context, tariff);
        var warnings = readWarnings.Concat(result.Warnings.Select(w => w with { Pointer = document.PointerFor(w.Pointer) })).ToList();
        if (!result.IsAccepted)
        {
            var errors = result.Errors.Select(e => e with { Pointer = document.PointerFor(e.Pointer) }).ToList();
            await WriteIssuesAsync(output, $"{file.Path}: INVALID ({Count(errors.Count, "error")})", errors).ConfigureAwait(false);
            await WriteIssuesAsync(output, null, warnings, "warning  ").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        var summary = warnings.Count == 0 ? "OK" : $"OK ({Count(warnings.Count, "warning")})";
        await WriteIssuesAsync(output, $"{file.Path}: {summary}", warnings, "warning  ").ConfigureAwait(false);
        if (result.Assessment is { } duties)
        {
            await output.WriteLineAsync(DutyLine(duties)).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    private static async Task WriteIssuesAsync(TextWriter output, string? heading, IReadOnlyList<Issue> issues, string prefix = "")
    {
        if (heading is not null)
        {
            await output.WriteLineAsync(heading).ConfigureAwait(false);
        }

        foreach (var issue in issues)
        {
            var pointer = issue.Pointer.Length == 0 ? "(document)" : issue.Pointer;
            await output.WriteLineAsync($"  {prefix}{pointer}  {issue.Code}  {issue.Message}").ConfigureAwait(false);
        }
    }

    internal static string DutyLine(DutyAssessment duties) => string.Create(CultureInfo.InvariantCulture,
        $"  duty {duties.TotalDuty:0.00} + VAT {duties.TotalVat:0.00} = {duties.TotalPayable:0.00} {duties.Currency}{(duties.DeMinimisApplied ? " (de minimis: no duty)" : "")}, tariff \"{duties.TariffName}\"");

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
