using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Compilation;

/// <summary>
/// Estimates used when a step gives none (documented in docs/runbook-format.md). They are deliberately rough:
/// a plan marks every defaulted estimate so a reviewer knows which numbers are guesses.
/// </summary>
public static class DefaultEstimates
{
    public static readonly TimeSpan PowerShell = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Check = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan Manual = TimeSpan.FromMinutes(10);

    /// <summary>A wait is estimated at a quarter of its timeout, at least one poll interval.</summary>
    public static TimeSpan ForWait(WaitOptions wait) =>
        TimeSpan.FromTicks(Math.Max(wait.Interval.Ticks, wait.Timeout.Ticks / 4));

    public static TimeSpan For(StepDefinition step) => step.Kind switch
    {
        StepKind.Check => Check,
        StepKind.Wait when step.Wait is not null => ForWait(step.Wait),
        StepKind.Manual => Manual,
        _ => PowerShell,
    };
}
