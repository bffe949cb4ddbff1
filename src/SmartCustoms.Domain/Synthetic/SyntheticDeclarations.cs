namespace SmartCustoms.Domain.Synthetic;

/// <summary>
/// Realistic synthetic declarations for demos, tests and load: valid against the reference data, with planted and
/// labelled fraud. Pure and seeded: the same options give the same declarations on the same .NET runtime.
/// </summary>
public static class SyntheticDeclarations
{
    // Office hours: declarations of a day are spread from 06:00 to 20:00 UTC.
    private static readonly TimeOnly DayStart = new(6, 0);
    private const double WorkingSeconds = 14 * 3600;

    /// <summary>
    /// The declarations, one at a time and in issue order: nothing is kept once yielded, so a million need no more
    /// memory than ten. Options are checked at the call, not at the first iteration.
    /// </summary>
    /// <exception cref="ArgumentException">The options have <see cref="SyntheticOptions.Problems"/>.</exception>
    public static IEnumerable<GeneratedDeclaration> Generate(SyntheticOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        return Stream(options);
    }

    private static IEnumerable<GeneratedDeclaration> Stream(SyntheticOptions options)
    {
        var random = new Random(options.Seed);
        var factory = new DeclarationFactory(random, options);
        // Fraud is planted in imports, so honest declarations make up the rest of the import share.
        var honestImportShare = options.FraudShare >= 1 ? 1 : Math.Clamp((options.ImportShare - options.FraudShare) / (1 - options.FraudShare), 0, 1);
        for (var i = 0; i < options.Count; i++)
        {
            var (day, issued) = IssueTime(options, i, random);
            var fraudulent = random.Chance(options.FraudShare);
            yield return fraudulent || random.Chance(honestImportShare)
                ? factory.Import(day, issued, fraudulent)
                : factory.Export(day, issued);
        }
    }

    /// <summary>Declarations spread evenly over the days, and within a day over office hours, in file order.</summary>
    private static (int Day, DateTimeOffset Issued) IssueTime(SyntheticOptions options, int index, Random random)
    {
        var day = (int)((long)index * options.Days / options.Count);
        var first = FirstOfDay(options, day);
        var slots = FirstOfDay(options, day + 1) - first;
        var seconds = Math.Floor((index - first + random.NextDouble()) / slots * WorkingSeconds);
        var start = new DateTimeOffset(options.Start.AddDays(day).ToDateTime(DayStart), TimeSpan.Zero);
        return (day, start.AddSeconds(seconds));
    }

    private static long FirstOfDay(SyntheticOptions options, int day) =>
        ((long)day * options.Count + options.Days - 1) / options.Days;
}
