using AzureLocalUpgrade.Engine.Planning.Rendering;
using BenchmarkDotNet.Attributes;

namespace AzureLocalUpgrade.Benchmarks;

/// <summary>
/// (b) The whole of <c>alu plan RUNBOOK --cluster FILE --format json</c> inside a warm process: read and validate
/// the runbook with its fragments (schema, semantics, templates, PowerShell parse), read the inventory, bind,
/// compile, plan and render. Process start-up and JIT are measured by scripts/bench-process.sh instead.
/// </summary>
[MemoryDiagnoser]
public class PlanFromFilesBenchmarks
{
    private static readonly IPlanRenderer Json = PlanRenderers.Find("json")!;

    private SimulatedClusterFiles? _files;
    private string _runbookPath = "";
    private string _clusterPath = "";

    [Params("sconfig", "cau")]
    public string Runbook { get; set; } = "sconfig";

    [Params(4, 16, 64)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _files = new SimulatedClusterFiles();
        _runbookPath = PlanBenchmarkCase.RunbookPath(Runbook);
        _clusterPath = _files.Write(Nodes);
    }

    [GlobalCleanup]
    public void Cleanup() => _files?.Dispose();

    [Benchmark]
    public string LoadValidateCompilePlanJson() => Json.Render(PlanPipeline.FromFiles(_runbookPath, _clusterPath));
}
