namespace SmartCustoms.Domain.Risk;

/// <summary>
/// One office's recent scores and the thresholds last computed from them, as the node and the offline
/// <c>assess</c> both keep them. Computing sorts the window, so thresholds are recomputed every
/// <see cref="RefreshEvery"/> scores, when the settings change, and for every score while the window fills (the
/// quantiles then move a lot). Thread-safe: assessments add scores while others read thresholds.
/// </summary>
public sealed class OfficeThresholds(int capacity = LaneSettings.MaxWindow)
{
    public const int RefreshEvery = 64;

    private ScoreWindow _scores = new(capacity);
    private Thresholds? _thresholds;
    private LaneSettings? _computedFor;
    private int _sinceRefresh;

    public void Add(decimal score)
    {
        Volatile.Read(ref _scores).Add(score);
        Interlocked.Increment(ref _sinceRefresh);
    }

    /// <summary>Replaces the window with <paramref name="newestFirst"/> (e.g. scores read back from storage).</summary>
    public void Reload(IReadOnlyList<decimal> newestFirst)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        var scores = new ScoreWindow(capacity);
        for (var i = newestFirst.Count - 1; i >= 0; i--)
        {
            scores.Add(newestFirst[i]);
        }

        Volatile.Write(ref _scores, scores);
        _thresholds = null;
    }

    public Thresholds For(LaneSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var scores = Volatile.Read(ref _scores);
        var current = _thresholds;
        if (current is null || !ReferenceEquals(_computedFor, settings) || Volatile.Read(ref _sinceRefresh) >= RefreshEvery
            || scores.Count < LaneSettings.MinWindow * 2)
        {
            current = scores.Compute(settings);
            _thresholds = current;
            _computedFor = settings;
            Interlocked.Exchange(ref _sinceRefresh, 0);
        }

        return current;
    }
}
