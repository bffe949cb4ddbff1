using SmartCustoms.Domain.Outcomes;

namespace SmartCustoms.Cli.Declarations;

internal enum LodgeResult
{
    Created,
    AlreadyLodged,
    /// <summary>The node answered with a refusal for this file (problem+json).</summary>
    Refused,
    /// <summary>Refused locally: unreadable, or larger than a node accepts.</summary>
    NotSent,
    /// <summary>A failure that no other file can escape either (node unreachable, key refused): the run stops.</summary>
    NodeProblem,
}

/// <summary>What became of one file.</summary>
internal sealed record LodgeOutcome
{
    public required string Path { get; init; }
    public required LodgeResult Result { get; init; }
    public string? Mrn { get; init; }
    public string? Status { get; init; }

    /// <summary>Why it failed, or the duties assessed when it did not.</summary>
    public string? Detail { get; init; }
    /// <summary>The errors and warnings as the node reports them, pointers already in the file's own format.</summary>
    public IReadOnlyList<Issue> Errors { get; init; } = [];
    public IReadOnlyList<Issue> Warnings { get; init; } = [];

    public bool Succeeded => Result is LodgeResult.Created or LodgeResult.AlreadyLodged;

    public static LodgeOutcome Failure(string path, LodgeResult result, string detail) => new() { Path = path, Result = result, Detail = detail };

    /// <summary>A headline naming the file, then one indented line per issue.</summary>
    public IReadOnlyList<string> Describe()
    {
        var headline = Result switch
        {
            LodgeResult.Created => $"{Path}: lodged as {Mrn} ({Status})",
            LodgeResult.AlreadyLodged => $"{Path}: already lodged as {Mrn} ({Status})",
            LodgeResult.NotSent => $"{Path}: not sent: {Detail}",
            _ => $"{Path}: refused: {Detail}",
        };
        var lines = new List<string> { headline };
        lines.AddRange(Errors.Select(e => $"  {PointerText(e.Pointer)}  {e.Code}  {e.Message}"));
        lines.AddRange(Warnings.Select(w => $"  warning  {PointerText(w.Pointer)}  {w.Code}  {w.Message}"));
        if (Succeeded && Detail is not null)
        {
            lines.Add("  " + Detail);
        }

        return lines;
    }

    private static string PointerText(string pointer) => pointer.Length == 0 ? "(document)" : pointer;
}
