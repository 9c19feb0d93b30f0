using System.Diagnostics;
using System.Globalization;

namespace AzureLocalUpgrade.Benchmarks;

/// <summary>
/// A quick profiling loop outside BenchmarkDotNet, for attaching a sampling profiler or reading a first number:
/// <c>dotnet run -c Release --project tests/AzureLocalUpgrade.Benchmarks -- phases sconfig 64 20</c> compiles and
/// plans the runbook ITERATIONS times and prints each phase's median.
/// </summary>
internal static class PhaseTimer
{
    public static void Run(string runbook, int nodes, int iterations)
    {
        using var files = new SimulatedClusterFiles();
        var clusterPath = files.Write(nodes);
        var total = Stopwatch.StartNew();
        var inputs = PlanPipeline.LoadAndValidate(PlanBenchmarkCase.RunbookPath(runbook), clusterPath);
        Console.WriteLine($"first load+validate: {total.Elapsed.TotalMilliseconds:F1} ms");
        var compile = new List<double>();
        var plan = new List<double>();
        var json = new List<double>();
        var allocated = new List<double>();
        var gen2Before = GC.CollectionCount(2);
        var gen0Before = GC.CollectionCount(0);
        // Collections that start while compile + plan run, apart from those the json render's large buffers bring.
        var planGen0 = 0;
        var planGen2 = 0;
        var renderer = AzureLocalUpgrade.Engine.Planning.Rendering.PlanRenderers.Find("json")!;
        for (var i = 0; i < iterations; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var (gen0, gen2) = (GC.CollectionCount(0), GC.CollectionCount(2));
            var watch = Stopwatch.StartNew();
            var graph = PlanPipeline.Compile(inputs);
            compile.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var built = PlanPipeline.BuildPlan(graph, inputs);
            plan.Add(watch.Elapsed.TotalMilliseconds);
            allocated.Add((GC.GetAllocatedBytesForCurrentThread() - before) / 1e6);
            planGen0 += GC.CollectionCount(0) - gen0;
            planGen2 += GC.CollectionCount(2) - gen2;
            watch.Restart();
            renderer.Render(built);
            json.Add(watch.Elapsed.TotalMilliseconds);
            if (i == 0)
            {
                Console.WriteLine($"first: compile {compile[0]:F1} ms, plan {plan[0]:F1} ms, json {json[0]:F1} ms; {graph.Steps.Count} steps");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median of {iterations}: compile {Median(compile):F2} ms, plan {Median(plan):F2} ms, json {Median(json):F2} ms; compile+plan allocate {Median(allocated):F1} MB"));
        // The minimum is the least disturbed by other load on the machine; the GC counts say what the allocations cost.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"minimum of {iterations}: compile {compile.Min():F2} ms, plan {plan.Min():F2} ms, json {json.Min():F2} ms; " +
            $"per iteration {(GC.CollectionCount(0) - gen0Before) / (double)iterations:F1} gen-0 and {(GC.CollectionCount(2) - gen2Before) / (double)iterations:F2} gen-2 collections " +
            $"({planGen0 / (double)iterations:F1} and {planGen2 / (double)iterations:F2} during compile+plan)"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
