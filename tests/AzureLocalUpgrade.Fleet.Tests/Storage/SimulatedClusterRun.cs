using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Events;
using AzureLocalUpgrade.Engine.Execution.Locking;
using AzureLocalUpgrade.Engine.Execution.Runs;
using AzureLocalUpgrade.Engine.Execution.Storage;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Fleet.Running;
using AzureLocalUpgrade.Simulation;

namespace AzureLocalUpgrade.Fleet.Tests.Storage;

/// <summary>
/// One shipped runbook run against a simulated cluster through the real coordinator, PowerShell host and simulator,
/// with its claims, journal and documents in the given store (the simulated cluster's own state stays in
/// <see cref="StateDirectory"/>). Every gate is approved up front, as <c>alu run --approve '*'</c> does.
/// </summary>
internal sealed class SimulatedClusterRun(IRunStore store, string stateDirectory)
{
    public const string Runbook = "runbooks/22h2-to-23h2/sconfig.yaml";
    public const string Inventory = "samples/clusters/two-node-22h2.yaml";

    private static readonly RunbookCache Runbooks = new();
    private static readonly Dictionary<string, string> NoParameters = [];

    public string StateDirectory { get; } = stateDirectory;

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Called with every run event; a test cancels or restarts the database from here.</summary>
    public Action<RunEvent>? OnEvent { get; init; }

    /// <summary>The claim's lease and heartbeat; null: the process's own (a 2-minute lease).</summary>
    public RunLockOptions? LockOptions { get; init; }

    public Task<RunResult> StartAsync(CancellationToken cancellationToken) =>
        WithCoordinator((coordinator, graph) => coordinator.StartAsync(graph, Path.Combine(RepoRoot, Runbook), Options(graph), cancellationToken));

    public Task<RunResult> ResumeAsync(string runId, CancellationToken cancellationToken) =>
        WithCoordinator((coordinator, graph) => coordinator.ResumeAsync(runId, graph, Options(graph), cancellationToken));

    /// <summary>Each node's build at the end, from the simulator.</summary>
    public IReadOnlyDictionary<string, string> NodeBuilds(string cluster) =>
        SimulatedCluster.ReadSnapshot(StateDirectory, cluster)!.Nodes.ToDictionary(n => n.Name, n => n.Build.ToString(), StringComparer.Ordinal);

    // The same wiring a fleet's cluster job uses (ClusterRunSession), so these tests run what the fleet runs.
    private async Task<RunResult> WithCoordinator(Func<RunCoordinator, StepGraph, Task<RunResult>> run)
    {
        var bag = new DiagnosticBag();
        var graph = ClusterRunSession.Compile(Runbooks, Path.Combine(RepoRoot, Runbook), Path.Combine(RepoRoot, Inventory), NoParameters, bag)
            ?? throw new InvalidOperationException(string.Join('\n', bag.Items.Select(d => d.Message)));
        await using var session = ClusterRunSession.Open(graph, StateDirectory, store, new CallbackSink(OnEvent), LockOptions);
        return await run(session.Coordinator, graph).ConfigureAwait(false);
    }

    private static RunOptions Options(StepGraph graph) => ClusterRunSession.FleetOptions(graph, "fleet-test", window: null);

    private static string FindRepoRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AzureLocalUpgrade.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No AzureLocalUpgrade.sln above {AppContext.BaseDirectory}.");
    }

    private sealed class CallbackSink(Action<RunEvent>? onEvent) : IRunEventSink
    {
        public void Publish(RunEvent runEvent) => onEvent?.Invoke(runEvent);
    }
}
