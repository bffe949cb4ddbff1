namespace SmartCustoms.Storage.Snapshots;

/// <summary>What servers keep in memory from the database, each with a version of its own.</summary>
public enum SnapshotKind
{
    Tariff,
    Criteria,
    Lanes,
    Models,
    Partners,
    Aeo,
}

/// <summary>
/// The version of every <see cref="SnapshotKind"/>, read at once. Each grows by one with every committed write of its kind,
/// so a snapshot is current when none of the versions it was loaded at has grown since.
/// </summary>
public sealed record SnapshotVersions
{
    private static readonly int Count = Enum.GetValues<SnapshotKind>().Length;

    private readonly long[] _versions;

    private SnapshotVersions(long[] versions) => _versions = versions;

    /// <summary>Before anything was read: every kind at version 0, which a fresh database also has.</summary>
    public static SnapshotVersions None { get; } = new(new long[Count]);

    public long this[SnapshotKind kind] => _versions[(int)kind];

    public static SnapshotVersions From(IEnumerable<KeyValuePair<SnapshotKind, long>> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var values = new long[Count];
        foreach (var (kind, version) in versions)
        {
            values[(int)kind] = version;
        }

        return new SnapshotVersions(values);
    }

    /// <summary>Each kind at the later of the two versions: reads that finish out of order never move a version back.</summary>
    public SnapshotVersions Latest(SnapshotVersions other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var values = new long[Count];
        for (var i = 0; i < Count; i++)
        {
            values[i] = Math.Max(_versions[i], other._versions[i]);
        }

        return new SnapshotVersions(values);
    }

    /// <summary>True when no kind in <paramref name="kinds"/> is newer in <paramref name="newer"/> than here.</summary>
    public bool Covers(SnapshotVersions newer, IReadOnlyList<SnapshotKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(newer);
        ArgumentNullException.ThrowIfNull(kinds);
        foreach (var kind in kinds)
        {
            if (newer[kind] > this[kind])
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() =>
        string.Join(", ", Enum.GetValues<SnapshotKind>().Select(k => FormattableString.Invariant($"{k} {this[k]}")));
}
