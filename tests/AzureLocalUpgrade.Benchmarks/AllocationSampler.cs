using System.Diagnostics.Tracing;
using System.Globalization;

namespace AzureLocalUpgrade.Benchmarks;

/// <summary>
/// <c>allocs RUNBOOK NODES ITERATIONS</c>: which types compile + plan allocate, from the runtime's own allocation
/// sampling (one GCAllocationTick event per ~100 KB), in-process so no profiler has to be installed.
/// Large-object-heap samples are listed apart: they are what brings gen-2 collections.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly Dictionary<(string Type, bool Large), long> _bytes = [];
    private bool _enabled;

    public static void Run(string runbook, int nodes, int iterations)
    {
        using var files = new SimulatedClusterFiles();
        var inputs = PlanPipeline.LoadAndValidate(PlanBenchmarkCase.RunbookPath(runbook), files.Write(nodes));
        PlanPipeline.BuildPlan(PlanPipeline.Compile(inputs), inputs);
        using var sampler = new AllocationSampler();
        for (var i = 0; i < iterations; i++)
        {
            PlanPipeline.BuildPlan(PlanPipeline.Compile(inputs), inputs);
        }

        sampler._enabled = false;
        foreach (var ((type, large), bytes) in sampler._bytes.OrderByDescending(e => e.Value).Take(40))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6 / iterations,8:F2} MB/iter {(large ? "LOH " : "    ")}{type}"));
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            _enabled = true;
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_enabled || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
        {
            return;
        }

        var type = e.Payload[e.PayloadNames!.IndexOf("TypeName")] as string ?? "?";
        var large = Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("AllocationKind")], CultureInfo.InvariantCulture) == 1;
        var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
        lock (_bytes)
        {
            _bytes[(type, large)] = _bytes.GetValueOrDefault((type, large)) + amount;
        }
    }
}
