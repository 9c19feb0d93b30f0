using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace AzureLocalUpgrade.Engine.Diagnostics;

/// <summary>
/// With <c>ALU_TIMINGS</c> set, prints to stderr how long each phase of a command took and when it ended, counted
/// from the start of the process, with the methods the JIT compiled in it (ReadyToRun code is not counted: a large
/// count names a phase whose code is not precompiled). <see cref="Finish"/> lists the assemblies loaded.
/// docs/performance.md. Without it every call is a single static bool test.
/// </summary>
public static class PhaseTimings
{
    public const string Variable = "ALU_TIMINGS";

    private static readonly bool Enabled = Environment.GetEnvironmentVariable(Variable) is not null;
    private static DateTime _processStart;
    private static double _lastMs = -1;
    private static long _lastJitted;
    private static TimeSpan _lastJitTime;

    /// <summary>Reports the phase that just ended.</summary>
    public static void Mark(string phase)
    {
        if (!Enabled)
        {
            return;
        }

        var now = DateTime.Now;
        if (_processStart == default)
        {
            // Read once: Process is costly to load, and its cost must not land in the next phase's time.
            _processStart = Process.GetCurrentProcess().StartTime;
        }

        var sinceStart = (now - _processStart).TotalMilliseconds;
        var took = _lastMs < 0 ? sinceStart : sinceStart - _lastMs;
        var jitted = JitInfo.GetCompiledMethodCount() - _lastJitted;
        var jitMs = (JitInfo.GetCompilationTime() - _lastJitTime).TotalMilliseconds;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"alu timings: {phase,-28} {took,8:F1} ms   (at {sinceStart,7:F1} ms)   jit {jitted,5} methods {jitMs,6:F1} ms"));

        // The report itself (console, formatting) is not the next phase's cost.
        _lastMs = (DateTime.Now - _processStart).TotalMilliseconds;
        _lastJitted = JitInfo.GetCompiledMethodCount();
        _lastJitTime = JitInfo.GetCompilationTime();
    }

    /// <summary>At exit: the assemblies the command loaded, so an assembly loaded for nothing shows.</summary>
    public static void Finish()
    {
        if (!Enabled)
        {
            return;
        }

        var names = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).Order(StringComparer.Ordinal);
        Console.Error.WriteLine($"alu timings: assemblies loaded: {string.Join(' ', names)}");
    }
}
