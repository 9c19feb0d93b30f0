using System.Diagnostics;
using System.Globalization;

namespace AzureLocalUpgrade.Engine.Diagnostics;

/// <summary>
/// With <c>ALU_TIMINGS</c> set, prints to stderr how long each phase of a command took and when it ended, counted
/// from the start of the process (docs/performance.md). Without it every call is a single static bool test.
/// </summary>
public static class PhaseTimings
{
    public const string Variable = "ALU_TIMINGS";

    private static readonly bool Enabled = Environment.GetEnvironmentVariable(Variable) is not null;
    private static double _lastMs = -1;

    /// <summary>Reports the phase that just ended.</summary>
    public static void Mark(string phase)
    {
        if (!Enabled)
        {
            return;
        }

        var sinceStart = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
        var took = _lastMs < 0 ? sinceStart : sinceStart - _lastMs;
        _lastMs = sinceStart;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alu timings: {phase,-28} {took,8:F1} ms   (at {sinceStart,7:F1} ms)"));
    }
}
