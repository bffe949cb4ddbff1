using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Domain.Risk;

/// <summary>
/// Selectivity policy of one customs office: the share of declarations each lane should receive (matched to
/// inspection capacity), the random sample, and the rules that force a selection.
/// </summary>
public sealed record LaneSettings
{
    /// <summary>The office of the settings that every office without settings of its own follows.</summary>
    public const string AnyOffice = "*";

    public const int MinWindow = 50;
    public const int MaxWindow = 100_000;

    public required string Office { get; init; }
    public double RedRate { get; init; } = 0.03;
    public double YellowRate { get; init; } = 0.07;
    public double BlueRate { get; init; } = 0.05;

    /// <summary>Share of declarations selected at random, whatever their score: keeps controls honest and gives the model unbiased labels.</summary>
    public double MinRandomRate { get; init; } = 0.01;

    /// <summary>The lane a random selection receives (at least).</summary>
    public Lane RandomLane { get; init; } = Lane.Red;

    /// <summary>More criteria hits than this selects the declaration (at least yellow) whatever the weights.</summary>
    public int MaxHitsWithoutSelection { get; init; } = 3;

    /// <summary>How many recent scores at the office the thresholds are computed from.</summary>
    public int Window { get; init; } = 1000;

    /// <summary>
    /// Score thresholds used until the window holds <see cref="MinWindow"/> scores, when quantiles would mean
    /// nothing: on the weight scale of criteria (0 to 1000), red from 200, yellow from 100, blue from 50.
    /// </summary>
    public decimal FallbackRed { get; init; } = 200m;
    public decimal FallbackYellow { get; init; } = 100m;
    public decimal FallbackBlue { get; init; } = 50m;

    /// <summary>The settings <paramref name="office"/> follows: its own, else those for <see cref="AnyOffice"/>, else null.</summary>
    public static LaneSettings? For(IReadOnlyDictionary<string, LaneSettings> settings, string office)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.GetValueOrDefault(office) ?? (settings.GetValueOrDefault(AnyOffice) is { } any ? any with { Office = office } : null);
    }

    public IReadOnlyList<Issue> Validate()
    {
        var errors = new List<Issue>();
        if (!CriterionCompiler.IsOfficeCode(Office) && Office != AnyOffice)
        {
            errors.Add(new("office.invalid", $"Customs office '{Office}' must be a country code followed by up to six letters or digits, or {AnyOffice} for every office without settings of its own.", "/office"));
        }

        Rate(errors, RedRate, "/redRate");
        Rate(errors, YellowRate, "/yellowRate");
        Rate(errors, BlueRate, "/blueRate");
        Rate(errors, MinRandomRate, "/minRandomRate");
        if (RedRate + YellowRate + BlueRate > 1.0)
        {
            errors.Add(new("rate.sum", "redRate + yellowRate + blueRate cannot exceed 1 (all declarations).", "/redRate"));
        }

        if (!Enum.IsDefined(RandomLane) || RandomLane == Lane.Green)
        {
            errors.Add(new("value.invalid", "randomLane must be blue, yellow or red: a random selection must be controlled.", "/randomLane"));
        }

        if (MaxHitsWithoutSelection < 0)
        {
            errors.Add(new("value.invalid", "maxHitsWithoutSelection cannot be negative.", "/maxHitsWithoutSelection"));
        }

        if (Window is < MinWindow or > MaxWindow)
        {
            errors.Add(new("window.out-of-range", $"window must be between {MinWindow} and {MaxWindow} declarations.", "/window"));
        }

        if (FallbackBlue <= 0m || FallbackYellow < FallbackBlue || FallbackRed < FallbackYellow)
        {
            errors.Add(new("value.invalid", "Fallback thresholds must be positive with red >= yellow >= blue.", "/fallbackRed"));
        }

        return errors;
    }

    private static void Rate(List<Issue> errors, double rate, string pointer)
    {
        // Written so that NaN fails too.
        if (!(rate is >= 0.0 and <= 1.0))
        {
            errors.Add(new("rate.out-of-range", $"{pointer[1..]} must be between 0 and 1 (a share, e.g. 0.03 for 3%).", pointer));
        }
    }
}
