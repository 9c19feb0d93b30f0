using AzureLocalUpgrade.Engine.Compilation;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Approvals;
using AzureLocalUpgrade.Engine.Execution.Events;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Locking;
using AzureLocalUpgrade.Engine.Execution.Runs;
using AzureLocalUpgrade.Engine.Execution.Storage;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Parameters;
using AzureLocalUpgrade.Engine.Scheduling;
using AzureLocalUpgrade.PowerShell.Hosting;
using AzureLocalUpgrade.PowerShell.Targets;
using AzureLocalUpgrade.Simulation;
using AzureLocalUpgrade.Simulation.Sessions;

namespace AzureLocalUpgrade.Fleet.Running;

/// <summary>
/// The single-cluster engine set up for one cluster of a fleet, in process: the cluster opened (the twin on its
/// virtual clock, or the real nodes through remoting), a PowerShell host over it, and a run coordinator with the
/// given run store and journal durability. One place for this wiring, used by <see cref="ClusterRunner"/> and by
/// the tests that run a simulated cluster the way a fleet does.
/// </summary>
internal sealed class ClusterRunSession : IAsyncDisposable
{
    private readonly PowerShellStepHost _host;

    private ClusterRunSession(SimulatedCluster? simulation, ExecutionClock clock, PowerShellStepHost host, RunCoordinator coordinator)
    {
        Simulation = simulation;
        Clock = clock;
        _host = host;
        Coordinator = coordinator;
    }

    /// <summary>The twin, when the cluster is simulated; null for a real cluster.</summary>
    public SimulatedCluster? Simulation { get; }

    public ExecutionClock Clock { get; }

    public RunCoordinator Coordinator { get; }

    /// <summary>Compiles a runbook for one cluster as <c>alu plan</c> does, the runbook validated once per <paramref name="runbooks"/> cache.</summary>
    public static StepGraph? Compile(RunbookCache runbooks, string runbookPath, string inventoryPath, IReadOnlyDictionary<string, string> parameters, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(runbooks);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(bag);
        var validation = runbooks.LoadAndValidate(runbookPath);
        bag.AddRange(validation.Diagnostics.Where(d => d.Severity == Severity.Error));
        var cluster = InventoryLoader.Load(inventoryPath, bag);
        if (validation.ValidRunbook is not { } runbook || cluster is null || bag.HasErrors)
        {
            return null;
        }

        var setArgs = parameters.Select(p => $"{p.Key}={p.Value}").ToList();
        var bound = ParameterBinder.Bind(runbook, setArgs, null, bag);
        return bag.HasErrors ? null : new StepGraphCompiler().Compile(runbook, bound, cluster, bag);
    }

    /// <summary>The journal durability a cluster's run keeps: a simulated cluster survives a process crash, a real one a power loss.</summary>
    public static JournalDurability DurabilityFor(StepGraph graph) =>
        graph.Cluster.Connection.Simulated ? JournalDurability.ProcessCrash : JournalDurability.PowerLoss;

    /// <summary>
    /// The options of a fleet's cluster run: the fleet's stage gates are where people approve, so the runbook's own
    /// manual gates are approved by the fleet run (recorded as approved by <c>fleet:FLEET</c>).
    /// </summary>
    public static RunOptions FleetOptions(StepGraph graph, string fleetId, MaintenanceWindow? window) => new()
    {
        ApprovedGates = graph.Steps.Where(s => s.Kind == StepKind.Manual).Select(s => s.Id).ToHashSet(StringComparer.Ordinal),
        ApprovalMethod = "fleet",
        ApprovedBy = "fleet:" + fleetId,
        Window = window,
    };

    /// <param name="lockOptions">The claim's lease and heartbeat; null: this process's (a 2-minute lease).</param>
    public static ClusterRunSession Open(StepGraph graph, string stateDirectory, IRunStore store, IRunEventSink events, RunLockOptions? lockOptions = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var inventory = graph.Cluster;
        var simulation = inventory.Connection.Simulated ? SimulatedCluster.OpenOrCreate(inventory, stateDirectory, null) : null;
        ExecutionClock clock = simulation is null ? ExecutionClock.System : simulation.Clock;
        ITargetConnector connector = simulation is null
            ? new RemoteTargetConnector(inventory, new CredentialResolver(Path.GetDirectoryName(Path.GetFullPath(inventory.FilePath))!))
            : new SimulatedTargetConnector(simulation);
        var host = new PowerShellStepHost(connector, clock);
        var settings = new RunCoordinatorSettings(
            stateDirectory, host, clock, TimeProvider.System, UnattendedApprovalSource.Instance, events,
            LockOptions: lockOptions,
            JournalDurability: DurabilityFor(graph),
            Store: store);
        return new ClusterRunSession(simulation, clock, host, new RunCoordinator(settings));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
