using System.Globalization;
using System.Text.RegularExpressions;

namespace AzureLocalUpgrade.Engine.Scheduling;

/// <summary>
/// Parses <c>--window</c>: a weekly window <c>Sat 22:00-Sun 06:00</c> or an explicit
/// <c>2026-11-28T22:00/2026-11-29T06:00</c> (ISO 8601; without an offset the time zone applies).
/// </summary>
public static partial class MaintenanceWindowParser
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static bool TryParse(string text, string? timeZoneId, out MaintenanceWindow? window, out string error)
    {
        window = null;
        if (!TimeZoneResolver.TryFind(timeZoneId, out var zone, out error))
        {
            return false;
        }

        var weekly = WeeklyPattern().Match(text.Trim());
        if (weekly.Success)
        {
            return TryWeekly(weekly, zone, text.Trim(), out window, out error);
        }

        var parts = text.Split('/');
        if (parts.Length == 2 && TryInstant(parts[0], zone, out var start) && TryInstant(parts[1], zone, out var end))
        {
            if (end <= start)
            {
                error = $"the window '{text}' ends before it starts";
                return false;
            }

            window = new FixedWindow(new WindowOpening(start, end), text.Trim());
            return true;
        }

        error = $"'{text}' is not a maintenance window; write a weekly one such as 'Sat 22:00-Sun 06:00' or an explicit one such as '2026-11-28T22:00/2026-11-29T06:00'";
        return false;
    }

    private static bool TryWeekly(Match match, TimeZoneInfo zone, string text, out MaintenanceWindow? window, out string error)
    {
        window = null;
        error = "";
        var startDay = Array.IndexOf(DayNames, match.Groups["d1"].Value[..3].ToLowerInvariant());
        var endDay = Array.IndexOf(DayNames, match.Groups["d2"].Value[..3].ToLowerInvariant());
        if (!TimeOnly.TryParseExact(match.Groups["t1"].Value, "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var startTime)
            || !TimeOnly.TryParseExact(match.Groups["t2"].Value, "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var endTime))
        {
            error = $"the times in '{text}' are not valid 24-hour times (HH:mm)";
            return false;
        }

        if (startDay < 0 || endDay < 0)
        {
            error = $"the days in '{text}' are not day names (Mon, Tue, Wed, Thu, Fri, Sat, Sun)";
            return false;
        }

        window = new WeeklyWindow((DayOfWeek)startDay, startTime, (DayOfWeek)endDay, endTime, zone, text);
        return true;
    }

    private static bool TryInstant(string text, TimeZoneInfo zone, out DateTimeOffset instant)
    {
        var hasOffset = text.EndsWith('Z') || OffsetPattern().IsMatch(text);
        if (hasOffset)
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out instant);
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            instant = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
            return true;
        }

        instant = default;
        return false;
    }

    [GeneratedRegex(@"^(?<d1>[A-Za-z]{3,9})\s+(?<t1>\d{1,2}:\d{2})\s*-\s*(?<d2>[A-Za-z]{3,9})\s+(?<t2>\d{1,2}:\d{2})$")]
    private static partial Regex WeeklyPattern();

    [GeneratedRegex(@"[+-]\d{2}:\d{2}$")]
    private static partial Regex OffsetPattern();
}
