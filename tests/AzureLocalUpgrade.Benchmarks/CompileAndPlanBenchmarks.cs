using AzureLocalUpgrade.Engine.Planning;
using AzureLocalUpgrade.Engine.Planning.Rendering;
using BenchmarkDotNet.Attributes;

namespace AzureLocalUpgrade.Benchmarks;

/// <summary>
/// (a) The in-memory part of <c>alu plan</c>: the runbook is loaded, validated and bound and the inventory loaded
/// once in setup; each call compiles the step graph, builds the plan and (in two variants) renders it.
/// Target: under 20 ms for 64 nodes.
/// </summary>
[MemoryDiagnoser]
public class CompileAndPlanBenchmarks
{
    private static readonly IPlanRenderer Text = PlanRenderers.Find("text")!;
    private static readonly IPlanRenderer Json = PlanRenderers.Find("json")!;

    private SimulatedClusterFiles? _files;
    private PlanPipeline.Inputs? _inputs;

    [Params("sconfig", "cau")]
    public string Runbook { get; set; } = "sconfig";

    [Params(4, 16, 64)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _files = new SimulatedClusterFiles();
        _inputs = PlanPipeline.LoadAndValidate(PlanBenchmarkCase.RunbookPath(Runbook), _files.Write(Nodes));
    }

    [GlobalCleanup]
    public void Cleanup() => _files?.Dispose();

    [Benchmark(Baseline = true)]
    public Plan CompileAndPlan() => PlanPipeline.BuildPlan(PlanPipeline.Compile(_inputs!), _inputs!);

    [Benchmark]
    public string CompilePlanRenderText() => Text.Render(CompileAndPlan());

    [Benchmark]
    public string CompilePlanRenderJson() => Json.Render(CompileAndPlan());
}
