using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using SmartCustoms.Cli.Hosting;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.ReferenceData;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Domain.Tariffs;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Cli.Assess;

/// <summary><c>assess</c>: runs the risk engine offline over a JSONL file of declarations and writes one lane per declaration.</summary>
internal static class AssessCommand
{
    public static Command Create(CliConsole console)
    {
        var criteria = new Option<string>("--criteria")
        {
            Description = "Criteria to apply: a JSON array of criterion documents [default: the example criteria shipped with SmartCustoms]",
            HelpName = "FILE",
        };
        var lanes = new Option<string>("--lanes")
        {
            Description = "Lane settings: one LaneSettings object or an array of them, one per office "
                + "[default for every office: red 3%, yellow 7%, blue 5%, random 1%]",
            HelpName = "FILE",
        };
        var input = new Option<string>("--in") { Description = "Declarations, one canonical JSON declaration per line (as written by generate)", HelpName = "FILE.jsonl", Required = true };
        var output = new Option<string>("--out") { Description = "Results to write (replaced if it exists)", HelpName = "results.csv", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the random selection: the same seed and inputs give the same results", HelpName = "S", DefaultValueFactory = _ => 1 };
        var command = new Command("assess",
            "Run the risk engine offline over FILE.jsonl and write each declaration's lane to results.csv (columns "
            + AssessResults.Header + "). Thresholds follow each office's recent scores, as on a node; invalid "
            + "declarations get the lane 'invalid' and their error codes as reasons.")
        {
            criteria, lanes, input, output, seed,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(console, new AssessOptions(
            parsed.GetValue(criteria), parsed.GetValue(lanes), parsed.GetValue(input)!, parsed.GetValue(output)!, parsed.GetValue(seed)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, AssessOptions options, CancellationToken cancellationToken)
    {
        var (criteria, criteriaErrors) = AssessInputs.LoadCriteria(options.CriteriaPath);
        var (lanes, laneErrors) = AssessInputs.LoadLanes(options.LanesPath);
        if (criteria is null || lanes is null)
        {
            foreach (var error in criteriaErrors.Concat(laneErrors))
            {
                await console.FailAsync(error).ConfigureAwait(false);
            }

            return ExitCodes.Usage;
        }

        if (!File.Exists(options.InputPath))
        {
            await console.FailAsync($"cannot read {options.InputPath}: no such file.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (Directory.Exists(options.OutputPath))
        {
            await console.FailAsync($"cannot write {options.OutputPath}: a folder, not a file.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var started = TimeProvider.System.GetTimestamp();
        var run = new AssessRun(new RiskEngine(criteria), lanes, options.Seed);
        try
        {
            using var reader = new StreamReader(options.InputPath, Encoding.UTF8, detectEncodingFromByteOrderMarks: true,
                new FileStreamOptions { Access = FileAccess.Read, Share = FileShare.Read, BufferSize = 1 << 16 });
            using var results = AssessResults.Create(options.OutputPath);
            var length = reader.BaseStream.Length;
            await console.WithProgressAsync("Assessing", length, report =>
            {
                var lineNumber = 0;
                while (reader.ReadLine() is { } line)
                {
                    lineNumber++;
                    run.Process(line, lineNumber, results);
                    if (lineNumber % 256 == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        report(reader.BaseStream.Position);
                    }
                }

                report(length);
            }).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await console.FailAsync($"cannot assess {options.InputPath} into {options.OutputPath}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        foreach (var problem in run.Unreadable)
        {
            await console.FailAsync(problem).ConfigureAwait(false);
        }

        if (run.Tally.Unreadable > run.Unreadable.Count)
        {
            await console.FailAsync(string.Create(CultureInfo.InvariantCulture,
                $"... and {run.Tally.Unreadable - run.Unreadable.Count} more unreadable lines.")).ConfigureAwait(false);
        }

        await WriteSummaryAsync(console.Out, options, run.Tally, TimeProvider.System.GetElapsedTime(started)).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static async Task WriteSummaryAsync(TextWriter output, AssessOptions options, AssessTally tally, TimeSpan elapsed)
    {
        var invariant = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(invariant,
            $"Assessed {tally.Rows} declarations (seed {options.Seed}) in {elapsed.TotalSeconds:0.0} s")).ConfigureAwait(false);
        await output.WriteLineAsync($"  results       {options.OutputPath}").ConfigureAwait(false);
        foreach (var lane in new[] { Lane.Red, Lane.Yellow, Lane.Blue, Lane.Green })
        {
            await output.WriteLineAsync(Line(AssessResults.LaneName(lane), tally.CountOf(lane), tally.Rows)).ConfigureAwait(false);
        }

        await output.WriteLineAsync(Line(AssessResults.InvalidLane, tally.Invalid, tally.Rows)).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(invariant, $"  random selections {tally.Random}")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(invariant, $"  unreadable lines  {tally.Unreadable}")).ConfigureAwait(false);
    }

    private static string Line(string name, int count, int total) =>
        string.Create(CultureInfo.InvariantCulture, $"  {name,-8}{count,8} ({(total == 0 ? 0.0 : 100.0 * count / total):0.0}%)");
}

internal sealed record AssessOptions(string? CriteriaPath, string? LanesPath, string InputPath, string OutputPath, int Seed);

/// <summary>The state of one pass: a score window per office, one seeded random sequence, the tally.</summary>
internal sealed class AssessRun(RiskEngine engine, IReadOnlyDictionary<string, LaneSettings> lanes, int seed)
{
    private readonly TariffSchedule _tariff = TariffFile.LoadDemo();
    private readonly Random _random = new(seed);
    private readonly Dictionary<string, OfficeState> _offices = new(StringComparer.Ordinal);
    public const int MaxListed = 20;

    private readonly List<string> _unreadable = [];

    public AssessTally Tally { get; } = new();

    /// <summary>The first unreadable lines, with their line numbers.</summary>
    public IReadOnlyList<string> Unreadable => _unreadable;

    public void Process(string line, int lineNumber, AssessResults results)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        var document = DeclarationDocument.Read(Encoding.UTF8.GetBytes(line), DeclarationFormat.Json);
        if (document.Declaration is not { } declaration)
        {
            Tally.AddUnreadable();
            if (_unreadable.Count < MaxListed)
            {
                var issue = document.Issues.Count > 0 ? document.Issues[0] : null;
                var where = string.IsNullOrEmpty(issue?.Pointer) ? "" : $" at {issue.Pointer}";
                _unreadable.Add(string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: not a declaration{where}: {issue?.Message ?? "unreadable"}"));
            }

            return;
        }

        var issued = declaration.IssueDateTime;
        var context = new ValidationContext { Catalog = ReferenceCatalog.Default, Now = issued ?? TimeProvider.System.GetUtcNow() };
        var check = DeclarationCheck.Run(declaration, context, _tariff);
        var office = declaration.DeclarationOffice ?? declaration.SupervisingOffice ?? declaration.ExitOffice ?? "";
        if (!check.IsAccepted)
        {
            results.WriteInvalid(declaration.Lrn, office, check.Errors.Select(e => e.Code));
            Tally.AddInvalid();
            return;
        }

        var date = issued is { } at ? DateOnly.FromDateTime(at.DateTime) : DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
        var subject = RiskSubject.Create(declaration, date, duties: check.Assessment, issues: check.Warnings);
        var state = For(subject.Office);
        var decision = engine.Assess(subject, state.Thresholds(), state.Settings, _random.NextDouble());
        state.Add(decision.Score);
        results.WriteDecision(declaration.Lrn, subject.Office, decision);
        Tally.Add(decision);
    }

    private OfficeState For(string office)
    {
        if (!_offices.TryGetValue(office, out var state))
        {
            state = new OfficeState(lanes.GetValueOrDefault(office) ?? new LaneSettings { Office = office });
            _offices.Add(office, state);
        }

        return state;
    }

    /// <summary>An office's settings and thresholds, refreshed as a node refreshes them.</summary>
    private sealed class OfficeState(LaneSettings settings)
    {
        private readonly OfficeThresholds _thresholds = new(Math.Max(settings.Window, 1));

        public LaneSettings Settings => settings;

        public Thresholds Thresholds() => _thresholds.For(settings);

        public void Add(decimal score) => _thresholds.Add(score);
    }
}
