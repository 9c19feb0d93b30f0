namespace AzureLocalUpgrade.Engine.Scheduling;

/// <summary>A recurring weekly window such as <c>Sat 22:00-Sun 06:00</c> in a time zone (daylight saving aware).</summary>
public sealed class WeeklyWindow(DayOfWeek startDay, TimeOnly startTime, DayOfWeek endDay, TimeOnly endTime, TimeZoneInfo zone, string description)
    : MaintenanceWindow
{
    public override string Description => description;

    public override WindowOpening? CurrentOrNext(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        // Start from the opening that began up to a week ago, so an opening already in progress is found.
        var firstStartDate = local.Date.AddDays(-(((int)local.DayOfWeek - (int)startDay + 7) % 7)).AddDays(-7);
        for (var week = 0; week < 3; week++)
        {
            var startLocal = firstStartDate.AddDays(7 * week) + startTime.ToTimeSpan();
            var span = ((int)endDay - (int)startDay + 7) % 7;
            var endLocal = startLocal.Date.AddDays(span) + endTime.ToTimeSpan();
            if (endLocal <= startLocal)
            {
                endLocal = endLocal.AddDays(7);
            }

            var opening = new WindowOpening(ToUtc(startLocal), ToUtc(endLocal));
            if (opening.End > instant)
            {
                return opening;
            }
        }

        return null;
    }

    private DateTimeOffset ToUtc(DateTime local)
    {
        // A wall time skipped by a daylight-saving jump does not exist; the window then opens an hour later.
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone), TimeSpan.Zero);
    }
}
