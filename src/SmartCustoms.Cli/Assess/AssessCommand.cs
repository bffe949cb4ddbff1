using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using SmartCustoms.Cli.Hosting;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Outcomes;
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
        var threads = new Option<int>("--threads")
        {
            Description = "Threads that read, validate and score declarations; the results are the same, in the same order, for any number "
                + "[default: one per core]",
            HelpName = "N",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        threads.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--threads must be at least 1.");
            }
        });
        var command = new Command("assess",
            "Run the risk engine offline over FILE.jsonl and write each declaration's lane to results.csv (columns "
            + AssessResults.Header + "). Thresholds follow each office's recent scores, as on a node; invalid "
            + "declarations get the lane 'invalid' and their error codes as reasons.")
        {
            criteria, lanes, input, output, seed, threads,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(console, new AssessOptions(
            parsed.GetValue(criteria), parsed.GetValue(lanes), parsed.GetValue(input)!, parsed.GetValue(output)!, parsed.GetValue(seed),
            parsed.GetValue(threads)), cancellationToken));
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
                if (options.Threads <= 1)
                {
                    AssessPipeline.RunSequential(reader, run, results, report, cancellationToken);
                }
                else
                {
                    AssessPipeline.RunParallel(reader, run, results, options.Threads, report, cancellationToken);
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
        var rate = elapsed.TotalSeconds > 0 ? tally.Rows / elapsed.TotalSeconds : 0;
        await output.WriteLineAsync(string.Create(invariant,
            $"Assessed {tally.Rows} declarations (seed {options.Seed}) in {elapsed.TotalSeconds:0.0} s ({rate:0} per second, {options.Threads} thread{(options.Threads == 1 ? "" : "s")})")).ConfigureAwait(false);
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

internal sealed record AssessOptions(string? CriteriaPath, string? LanesPath, string InputPath, string OutputPath, int Seed, int Threads = 1);

/// <summary>
/// Runs an <see cref="AssessRun"/> over the lines of a file. Reading, validation and scoring of a declaration depend
/// on nothing but the line, so they run on several threads, a chunk of lines at a time; lanes depend on every earlier
/// score of the office and on the seeded random sequence, so they are decided and written on one thread, in file
/// order. The parallel and the sequential run therefore write the same file.
/// </summary>
internal static class AssessPipeline
{
    /// <summary>Lines per chunk: large enough that handing chunks out costs nothing, small enough to keep memory flat.</summary>
    public const int ChunkLines = 512;

    public static void RunSequential(StreamReader reader, AssessRun run, AssessResults results, Action<long> report, CancellationToken cancellationToken)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            run.Complete(run.Prepare(line, lineNumber), results);
            if (lineNumber % 256 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                report(reader.BaseStream.Position);
            }
        }
    }

    public static void RunParallel(
        StreamReader reader, AssessRun run, AssessResults results, int threads, Action<long> report, CancellationToken cancellationToken)
    {
        // Chunks being prepared or waiting to be written, in file order: at most this many are held at once.
        var chunks = Channel.CreateBounded<Task<Chunk>>(new BoundedChannelOptions(threads * 2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => Read(reader, run, chunks.Writer, stop.Token), CancellationToken.None);
        try
        {
            while (chunks.Reader.WaitToReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
            {
                while (chunks.Reader.TryRead(out var next))
                {
                    var chunk = next.GetAwaiter().GetResult();
                    foreach (var prepared in chunk.Lines)
                    {
                        run.Complete(prepared, results);
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                    report(chunk.Position);
                }
            }
        }
        finally
        {
            // On a failure here the reader stops too, and its own failure (if any) is not the one to report.
            stop.Cancel();
            try
            {
                producer.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        }
    }

    private static async Task Read(StreamReader reader, AssessRun run, ChannelWriter<Task<Chunk>> chunks, CancellationToken cancellationToken)
    {
        try
        {
            var lineNumber = 0;
            var lines = new List<string>(ChunkLines);
            while (true)
            {
                var line = reader.ReadLine();
                if (line is not null)
                {
                    lines.Add(line);
                }

                if (lines.Count == ChunkLines || (line is null && lines.Count > 0))
                {
                    var first = lineNumber + 1;
                    lineNumber += lines.Count;
                    var batch = lines;
                    var position = reader.BaseStream.Position;
                    await chunks.WriteAsync(Task.Run(() => Prepare(run, batch, first, position), cancellationToken), cancellationToken).ConfigureAwait(false);
                    lines = new List<string>(ChunkLines);
                }

                if (line is null)
                {
                    break;
                }
            }

            chunks.TryComplete();
        }
        catch (Exception ex)
        {
            chunks.TryComplete(ex);
            throw;
        }
    }

    private static Chunk Prepare(AssessRun run, List<string> lines, int firstLineNumber, long position)
    {
        var prepared = new AssessRun.Prepared[lines.Count];
        for (var i = 0; i < prepared.Length; i++)
        {
            prepared[i] = run.Prepare(lines[i], firstLineNumber + i);
        }

        return new Chunk(prepared, position);
    }

    private sealed record Chunk(AssessRun.Prepared[] Lines, long Position);
}

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

    /// <summary>
    /// What a line comes to before its lane: nothing (blank), unreadable, invalid (its error codes), or scored with its
    /// hits. It keeps only what the lane and the row need, not the declaration read: prepared lines wait for their turn
    /// to be written, and a declaration's object graph kept that long would outlive the collector's youngest generation
    /// and make every collection dearer.
    /// </summary>
    public sealed record Prepared(
        int LineNumber, Issue? Unreadable, bool IsUnreadable, string? Lrn, string Office, IReadOnlyList<string>? InvalidCodes,
        decimal Score, List<CriterionHit>? Hits, decimal? ModelContribution)
    {
        public static readonly Prepared Blank = new(0, null, false, null, "", null, 0m, null, null);
    }

    /// <summary>Reads, validates and scores one line: depends on the line alone, so any thread may run it.</summary>
    public Prepared Prepare(string line, int lineNumber)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return Prepared.Blank;
        }

        var document = DeclarationDocument.Read(Encoding.UTF8.GetBytes(line), DeclarationFormat.Json);
        if (document.Declaration is not { } declaration)
        {
            return new Prepared(lineNumber, document.Issues.Count > 0 ? document.Issues[0] : null, true, null, "", null, 0m, null, null);
        }

        var issued = declaration.IssueDateTime;
        var context = new ValidationContext { Catalog = ReferenceCatalog.Default, Now = issued ?? TimeProvider.System.GetUtcNow() };
        var check = DeclarationCheck.Run(declaration, context, _tariff);
        var office = declaration.DeclarationOffice ?? declaration.SupervisingOffice ?? declaration.ExitOffice ?? "";
        if (!check.IsAccepted)
        {
            return new Prepared(lineNumber, null, false, declaration.Lrn, office, [.. check.Errors.Select(e => e.Code)], 0m, null, null);
        }

        var date = issued is { } at ? DateOnly.FromDateTime(at.DateTime) : DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
        var subject = RiskSubject.Create(declaration, date, duties: check.Assessment, issues: check.Warnings);
        var hits = new List<CriterionHit>();
        var score = engine.Score(subject, hits, out var contribution);
        return new Prepared(lineNumber, null, false, declaration.Lrn, subject.Office, null, score, hits, contribution);
    }

    /// <summary>Decides the lane of a prepared line and writes its row: in file order, on one thread.</summary>
    /// <remarks>The same steps as <see cref="RiskEngine.Assess"/>, with the score computed beforehand.</remarks>
    public void Complete(Prepared prepared, AssessResults results)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(results);
        if (prepared.IsUnreadable)
        {
            Tally.AddUnreadable();
            if (_unreadable.Count < MaxListed)
            {
                var issue = prepared.Unreadable;
                var where = string.IsNullOrEmpty(issue?.Pointer) ? "" : $" at {issue.Pointer}";
                _unreadable.Add(string.Create(CultureInfo.InvariantCulture, $"line {prepared.LineNumber}: not a declaration{where}: {issue?.Message ?? "unreadable"}"));
            }

            return;
        }

        if (ReferenceEquals(prepared, Prepared.Blank))
        {
            return;
        }

        var lrn = prepared.Lrn;

        if (prepared.InvalidCodes is { } codes)
        {
            results.WriteInvalid(lrn, prepared.Office, codes);
            Tally.AddInvalid();
            return;
        }

        var state = For(prepared.Office);
        var decision = Selectivity.Decide(prepared.Score, prepared.Hits!, state.Thresholds(), state.Settings, _random.NextDouble(), prepared.ModelContribution);
        state.Add(decision.Score);
        results.WriteDecision(lrn, prepared.Office, decision);
        Tally.Add(decision);
    }

    private OfficeState For(string office)
    {
        if (!_offices.TryGetValue(office, out var state))
        {
            state = new OfficeState(LaneSettings.For(lanes, office) ?? new LaneSettings { Office = office });
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
