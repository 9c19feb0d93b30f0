namespace AzureLocalUpgrade.Engine.Scheduling;

/// <summary>
/// When disruptive work may run. A disruptive group starts only if its estimate fits in what is left of the
/// current opening; otherwise the run pauses and a later scheduled resume continues in the next opening.
/// </summary>
public abstract class MaintenanceWindow
{
    /// <summary>The text the window was given as, for messages and journals.</summary>
    public abstract string Description { get; }

    /// <summary>The opening that contains <paramref name="instant"/>, else the next one; null when none is left.</summary>
    public abstract WindowOpening? CurrentOrNext(DateTimeOffset instant);

    public WindowDecision Decide(DateTimeOffset now, TimeSpan estimate)
    {
        var opening = CurrentOrNext(now);
        if (opening is not { } current)
        {
            return WindowDecision.Closed(Description);
        }

        if (current.Contains(now) && estimate <= current.RemainingAt(now))
        {
            return WindowDecision.Start(current, current.RemainingAt(now));
        }

        // Inside but too short, or not yet open: the next opening that is long enough is where work continues.
        var next = current.Contains(now) ? CurrentOrNext(current.End) : current;
        while (next is { } candidate && candidate.Length < estimate)
        {
            next = CurrentOrNext(candidate.End);
            if (next is { } after && after.Start - now > TimeSpan.FromDays(366))
            {
                next = null;
            }
        }

        return WindowDecision.Defer(current, next, estimate, current.RemainingAt(now), Description);
    }
}
