using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Approvals;
using AzureLocalUpgrade.Engine.Execution.Events;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Tests.Execution;

/// <summary>A temporary state folder, a virtual clock, a scripted host and a recording event sink for one test.</summary>
internal sealed class ExecutionFixture : IDisposable, IRunEventSink
{
    public ExecutionFixture(TestGraph graph)
    {
        Graph = graph;
        Host = new ScriptedStepHost(Clock, graph.Nodes);
        Directory.CreateDirectory(StateDirectory);
    }

    public TestGraph Graph { get; }

    public VirtualClock Clock { get; } = new();

    public ScriptedStepHost Host { get; }

    public string StateDirectory { get; } = Path.Combine(Path.GetTempPath(), "alu-exec-" + Guid.NewGuid().ToString("N"));

    public string JournalPath => Path.Combine(StateDirectory, "journal.jsonl");

    public List<RunEvent> Events { get; } = [];

    public IReadOnlyList<JournalRecord> Journal => RunJournalReader.ReadRecords(JournalPath);

    public async Task<RunResult> RunAsync(StepGraph graph, Func<RunContext, RunContext>? adjust = null, CancellationToken ct = default,
        ResumeState? resume = null, IApprovalSource? approvals = null)
    {
        using var journal = RunJournal.Open(JournalPath);
        var context = new RunContext
        {
            RunId = "20261123-021500-hci01-a1b2",
            Host = Host,
            Clock = Clock,
            Journal = journal,
            Events = this,
            Approvals = approvals ?? UnattendedApprovalSource.Instance,
            Resume = resume,
        };
        return await new StepGraphExecutor().ExecuteAsync(graph, adjust?.Invoke(context) ?? context, ct);
    }

    public void Publish(RunEvent runEvent) => Events.Add(runEvent);

    public void Dispose()
    {
        if (Directory.Exists(StateDirectory))
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
    }
}
