namespace AzureLocalUpgrade.Engine.Text;

/// <summary>
/// The one way alu shows a duration to a person, in plans, status, reports and messages alike: the runbook syntax
/// (<see cref="DurationParser.Format"/>: 45s, 5m, 1h30m, 2d3h), rounded to whole seconds, so what alu prints can be
/// pasted back into a runbook. A duration above zero but under half a second reads "&lt;1s", not "0s".
/// </summary>
public static class DurationText
{
    public static string Of(TimeSpan duration)
    {
        if (duration > TimeSpan.Zero && duration < TimeSpan.FromMilliseconds(500))
        {
            return "<1s";
        }

        return DurationParser.Format(TimeSpan.FromSeconds(Math.Round(duration.TotalSeconds, MidpointRounding.AwayFromZero)));
    }
}
