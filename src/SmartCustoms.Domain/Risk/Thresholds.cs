namespace SmartCustoms.Domain.Risk;

/// <summary>
/// The scores from which a declaration is selected for each lane: a score at or above <see cref="Red"/> is red,
/// and so on. Null means no declaration reaches that lane by score. A score of zero or below is never selected.
/// </summary>
/// <param name="Observations">How many recent scores they were computed from.</param>
/// <param name="Fallback">True when the window was too short and the office's fixed fallback thresholds apply.</param>
public sealed record Thresholds(decimal? Red, decimal? Yellow, decimal? Blue, int Observations, bool Fallback)
{
    public static Thresholds FromFallback(LaneSettings settings, int observations = 0)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.FallbackRed, settings.FallbackYellow, settings.FallbackBlue, observations, true);
    }

    public Lane LaneFor(decimal score)
    {
        if (score <= 0m)
        {
            return Lane.Green;
        }

        if (score >= Red)
        {
            return Lane.Red;
        }

        if (score >= Yellow)
        {
            return Lane.Yellow;
        }

        return score >= Blue ? Lane.Blue : Lane.Green;
    }

    /// <summary>The threshold that gives <paramref name="lane"/>, or null when none does (always for green).</summary>
    public decimal? For(Lane lane) => lane switch
    {
        Lane.Red => Red,
        Lane.Yellow => Yellow,
        Lane.Blue => Blue,
        _ => null,
    };
}
