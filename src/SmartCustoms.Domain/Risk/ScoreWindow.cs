namespace SmartCustoms.Domain.Risk;

/// <summary>
/// The most recent scores at one office, from which the lane thresholds follow. Thread-safe: every assessment
/// adds its score while any thread may compute thresholds.
/// </summary>
/// <remarks>
/// Thresholds are quantiles: red is the score of the declaration ranked at the red share, yellow at the red +
/// yellow share, blue at the red + yellow + blue share. Declarations scoring zero are never selected by score,
/// so when fewer declarations score above zero than a lane's share, that lane takes all of them and no more.
/// Equal scores cannot be split: a cut falls above or below a group of ties, whichever gives the share nearer
/// the expected one. Below <see cref="LaneSettings.MinWindow"/> scores the office's fallback thresholds apply.
/// Computing sorts the window (O(n log n)): refresh thresholds every few hundred declarations, not for each one.
/// </remarks>
public sealed class ScoreWindow
{
    private readonly decimal[] _ring;
    private readonly Lock _lock = new();
    private int _next;
    private int _count;

    public ScoreWindow(int capacity = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new decimal[capacity];
    }

    public int Capacity => _ring.Length;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    public void Add(decimal score)
    {
        lock (_lock)
        {
            _ring[_next] = score;
            _next = (_next + 1) % _ring.Length;
            _count = Math.Min(_count + 1, _ring.Length);
        }
    }

    /// <summary>Thresholds over the latest <see cref="LaneSettings.Window"/> scores (or as many as the window holds).</summary>
    public Thresholds Compute(LaneSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var scores = Recent(Math.Max(settings.Window, 1));
        var n = scores.Length;
        if (n < LaneSettings.MinWindow)
        {
            return Thresholds.FromFallback(settings, n);
        }

        // Descending, so that index k - 1 is the k-th highest score.
        Array.Sort(scores, static (a, b) => b.CompareTo(a));
        var positives = 0;
        while (positives < n && scores[positives] > 0m)
        {
            positives++;
        }

        var red = Cut(scores, positives, Target(n, settings.RedRate));
        var yellow = Cut(scores, positives, Target(n, settings.RedRate + settings.YellowRate));
        var blue = Cut(scores, positives, Target(n, settings.RedRate + settings.YellowRate + settings.BlueRate));
        return new Thresholds(red, yellow, blue, n, false);
    }

    private decimal[] Recent(int wanted)
    {
        lock (_lock)
        {
            var n = Math.Min(wanted, _count);
            var result = new decimal[n];
            for (var i = 0; i < n; i++)
            {
                result[i] = _ring[(_next - 1 - i + (2 * _ring.Length)) % _ring.Length];
            }

            return result;
        }
    }

    private static int Target(int n, double share) => (int)Math.Round(n * Math.Clamp(share, 0.0, 1.0), MidpointRounding.AwayFromZero);

    /// <summary>The threshold selecting the number of declarations nearest to <paramref name="target"/>, among positive scores only.</summary>
    private static decimal? Cut(decimal[] descending, int positives, int target)
    {
        if (target <= 0 || positives == 0)
        {
            return null;
        }

        if (target >= positives)
        {
            // Taking every positive score is nearer the target than taking none.
            return descending[positives - 1];
        }

        var score = descending[target - 1];
        var below = target - 1;
        while (below > 0 && descending[below - 1] == score)
        {
            below--;
        }

        var upTo = target;
        while (upTo < positives && descending[upTo] == score)
        {
            upTo++;
        }

        // Cutting at this score selects upTo declarations; just above it selects below. Prefer fewer on a tie of distances.
        if (upTo - target < target - below)
        {
            return score;
        }

        return below == 0 ? null : descending[below - 1];
    }
}
