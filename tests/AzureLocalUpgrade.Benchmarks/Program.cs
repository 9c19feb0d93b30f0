using System.Globalization;
using BenchmarkDotNet.Running;

namespace AzureLocalUpgrade.Benchmarks;

public static class Program
{
    /// <summary>
    /// Pass BenchmarkDotNet's own arguments, e.g. <c>--filter '*' --job short</c>; or
    /// <c>phases RUNBOOK NODES ITERATIONS</c> for a plain Stopwatch loop (<see cref="PhaseTimer"/>); or
    /// <c>allocs RUNBOOK NODES ITERATIONS</c> for what compile + plan allocate, by type (<see cref="AllocationSampler"/>).
    /// </summary>
    public static void Main(string[] args)
    {
        if (args.Length == 4 && args[0] == "phases")
        {
            PhaseTimer.Run(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
            return;
        }

        if (args.Length == 4 && args[0] == "allocs")
        {
            AllocationSampler.Run(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
