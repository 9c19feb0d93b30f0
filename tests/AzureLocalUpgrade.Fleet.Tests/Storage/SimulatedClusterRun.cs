using AzureLocalUpgrade.Engine.Compilation;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Approvals;
using AzureLocalUpgrade.Engine.Execution.Events;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Runs;
using AzureLocalUpgrade.Engine.Execution.Storage;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Parameters;
using AzureLocalUpgrade.Engine.Validation;
using AzureLocalUpgrade.PowerShell.Hosting;
using AzureLocalUpgrade.Simulation;
using AzureLocalUpgrade.Simulation.Sessions;

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

    public string StateDirectory { get; } = stateDirectory;

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Called with every run event; a test cancels or restarts the database from here.</summary>
    public Action<RunEvent>? OnEvent { get; init; }

    public Task<RunResult> StartAsync(CancellationToken cancellationToken) =>
        WithCoordinator((coordinator, graph) => coordinator.StartAsync(graph, Path.Combine(RepoRoot, Runbook), Options(graph), cancellationToken));

    public Task<RunResult> ResumeAsync(string runId, CancellationToken cancellationToken) =>
        WithCoordinator((coordinator, graph) => coordinator.ResumeAsync(runId, graph, Options(graph), cancellationToken));

    /// <summary>Each node's build at the end, from the simulator.</summary>
    public IReadOnlyDictionary<string, string> NodeBuilds(string cluster) =>
        SimulatedCluster.ReadSnapshot(StateDirectory, cluster)!.Nodes.ToDictionary(n => n.Name, n => n.Build.ToString(), StringComparer.Ordinal);

    private async Task<RunResult> WithCoordinator(Func<RunCoordinator, StepGraph, Task<RunResult>> run)
    {
        var bag = new DiagnosticBag();
        var inventory = InventoryLoader.Load(Path.Combine(RepoRoot, Inventory), bag)!;
        var runbook = RunbookValidation.LoadAndValidate(Path.Combine(RepoRoot, Runbook)).ValidRunbook!;
        var graph = new StepGraphCompiler().Compile(runbook, ParameterBinder.Bind(runbook, [], null, bag), inventory, bag)
            ?? throw new InvalidOperationException(string.Join('\n', bag.Items.Select(d => d.Message)));
        var cluster = SimulatedCluster.OpenOrCreate(inventory, StateDirectory, null);
        await using var host = new PowerShellStepHost(new SimulatedTargetConnector(cluster), cluster.Clock);
        var settings = new RunCoordinatorSettings(StateDirectory, host, cluster.Clock, TimeProvider.System, UnattendedApprovalSource.Instance,
            new CallbackSink(OnEvent), JournalDurability: JournalDurability.ProcessCrash, Store: store);
        return await run(new RunCoordinator(settings), graph).ConfigureAwait(false);
    }

    private static RunOptions Options(StepGraph graph) => new()
    {
        ApprovedGates = graph.Steps.Where(s => s.Kind == StepKind.Manual).Select(s => s.Id).ToHashSet(StringComparer.Ordinal),
        ApprovedBy = "fleet-test",
    };

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
