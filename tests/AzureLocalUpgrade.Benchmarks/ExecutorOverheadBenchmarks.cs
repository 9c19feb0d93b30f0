using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Graph;
using BenchmarkDotNet.Attributes;

namespace AzureLocalUpgrade.Benchmarks;

/// <summary>
/// What the executor itself costs per step: whole runs of no-op steps against <see cref="SucceedingStepHost"/>,
/// journalled as in production (every record flushed to disk). OperationsPerInvoke is the step count, so the
/// reported Mean is per step. Target: under 2 ms per step.
/// </summary>
/// <remarks>
/// <see cref="Journal"/> picks where the journal lives: the disk-backed temp folder, as a real state folder is,
/// or tmpfs (/dev/shm), where the per-record flush costs nothing; the difference is the journal's disk cost.
/// </remarks>
[MemoryDiagnoser]
public class ExecutorOverheadBenchmarks
{
    private const int ChainSteps = 500;
    private const int RollingNodes = 16;
    private const int StepsPerNode = 32;

    private StepGraph? _chain;
    private StepGraph? _rolling;
    private string _journalDirectory = "";
    private int _run;

    [Params("disk", "tmpfs")]
    public string Journal { get; set; } = "disk";

    [GlobalSetup]
    public void Setup()
    {
        _chain = NoOpGraphs.Chain(ChainSteps);
        _rolling = NoOpGraphs.RollingForEach(RollingNodes, StepsPerNode);
        var parent = Journal == "tmpfs" && Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        _journalDirectory = Path.Combine(parent, "alu-bench-journal-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_journalDirectory);

        // A run that fails or pauses would measure the wrong thing; prove both graphs run through first.
        foreach (var graph in new[] { _chain, _rolling })
        {
            var result = RunAsync(graph).GetAwaiter().GetResult();
            if (result.Outcome != RunOutcome.Succeeded || result.Steps.Count != graph.Steps.Count)
            {
                throw new InvalidOperationException($"no-op run of {graph.Steps.Count} steps ended {result.Outcome}: {result.Summary}");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_journalDirectory, recursive: true);

    [Benchmark(OperationsPerInvoke = ChainSteps)]
    public Task<RunResult> Chain500() => RunAsync(_chain!);

    [Benchmark(OperationsPerInvoke = RollingNodes * StepsPerNode)]
    public Task<RunResult> Rolling16x32() => RunAsync(_rolling!);

    private async Task<RunResult> RunAsync(StepGraph graph)
    {
        // A fresh journal per run: appending to one file across iterations would grow it without bound.
        var path = Path.Combine(_journalDirectory, $"journal-{_run++}.jsonl");
        await using var host = new SucceedingStepHost(NoOpGraphs.NodeNames(graph));
        RunResult result;
        using (var journal = RunJournal.Open(path))
        {
            var context = new RunContext { RunId = "20261123-021500-hci16-a1b2", Host = host, Journal = journal };
            result = await new StepGraphExecutor().ExecuteAsync(graph, context, CancellationToken.None).ConfigureAwait(false);
        }

        File.Delete(path);
        return result;
    }
}
