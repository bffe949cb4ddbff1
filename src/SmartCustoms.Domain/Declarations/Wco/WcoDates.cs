using System.Globalization;

namespace SmartCustoms.Domain.Declarations.Wco;

/// <summary>EDIFACT 2379 date formats as the WCO data model uses them.</summary>
internal static class WcoDates
{
    /// <summary>
    /// Format 304, CCYYMMDDHHMMSSZZZ: the zone is <c>Z</c>, <c>±hh</c>, <c>±hhmm</c> or <c>±hh:mm</c>
    /// (UK CDS sends <c>+01</c>). A missing zone is refused rather than guessed: an hour's error moves a deadline.
    /// </summary>
    public static DateTimeOffset? ParseDateTimeWithZone(string text)
    {
        if (text.Length < 15
            || !DateTime.TryParseExact(text[..14], "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || ParseZone(text[14..]) is not { } offset)
        {
            return null;
        }

        return new DateTimeOffset(local, offset);
    }

    /// <summary>Format 102, CCYYMMDD: midnight UTC of that day.</summary>
    public static DateTimeOffset? ParseDate(string text) =>
        DateTime.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new DateTimeOffset(day, TimeSpan.Zero)
            : null;

    private static TimeSpan? ParseZone(string zone)
    {
        if (string.Equals(zone, "Z", StringComparison.Ordinal))
        {
            return TimeSpan.Zero;
        }

        if (zone.Length is not (3 or 5 or 6) || zone[0] is not ('+' or '-'))
        {
            return null;
        }

        var digits = zone.Length == 6 && zone[3] == ':' ? string.Concat(zone.AsSpan(1, 2), zone.AsSpan(4)) : zone[1..];
        if (digits.Length is not (2 or 4) || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        var hours = int.Parse(digits.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var minutes = digits.Length == 4 ? int.Parse(digits.AsSpan(2, 2), CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || minutes > 59)
        {
            return null;
        }

        var offset = new TimeSpan(hours, minutes, 0);
        return zone[0] == '-' ? -offset : offset;
    }
}
