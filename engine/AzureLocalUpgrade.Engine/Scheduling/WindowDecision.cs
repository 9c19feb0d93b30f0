using System.Globalization;

namespace AzureLocalUpgrade.Engine.Scheduling;

/// <summary>Whether a disruptive group may start now, and if not, why and when it could.</summary>
public sealed record WindowDecision(bool MayStart, WindowOpening? Current, WindowOpening? NextFitting, string Reason)
{
    public static WindowDecision Start(WindowOpening current, TimeSpan remaining) =>
        new(true, current, current, string.Create(CultureInfo.InvariantCulture, $"fits: {Format(remaining)} left in the window"));

    public static WindowDecision Closed(string window) =>
        new(false, null, null, $"the maintenance window '{window}' has no opening left");

    public static WindowDecision Defer(WindowOpening current, WindowOpening? next, TimeSpan estimate, TimeSpan remaining, string window)
    {
        var why = remaining > TimeSpan.Zero
            ? $"needs {Format(estimate)} but only {Format(remaining)} is left in the window '{window}'"
            : $"the maintenance window '{window}' is closed now";
        var when = next is { } n
            ? $"; next fitting opening starts {n.Start.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}"
            : "; no opening of the window is long enough for it";
        return new(false, current, next, why + when);
    }

    public static string Format(TimeSpan span) => Text.DurationText.Of(span);
}
