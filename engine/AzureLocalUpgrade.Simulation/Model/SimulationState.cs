using AzureLocalUpgrade.Simulation.Scenarios;

namespace AzureLocalUpgrade.Simulation.Model;

/// <summary>The whole simulated cluster: everything persisted in simulation.json.</summary>
internal sealed class SimulationState
{
    public int SchemaVersion { get; set; } = 1;

    public string ClusterName { get; set; } = "";

    /// <summary>Virtual time.</summary>
    public DateTimeOffset Now { get; set; }

    public int FunctionalLevel { get; set; }

    public int UpgradeVersion { get; set; }

    public bool KernelSoftReboot { get; set; }

    /// <summary>
    /// The cluster private property CauEnableSoftReboot exists (Set-ClusterParameter -Create made it). A cluster
    /// with kernel soft reboot on has it by definition; one that never turned it on has not.
    /// </summary>
    public bool SoftRebootPropertyCreated { get; set; }

    /// <summary>
    /// When Stop-Cluster took the storage pool offline for every node, until a node joins again. Nothing is written
    /// while the pool is offline, so that time adds nothing to any node's resync.
    /// </summary>
    public DateTimeOffset? PoolOfflineSince { get; set; }

    public bool Stretch { get; set; }

    public bool WindowsUpdateAccess { get; set; }

    public string? OrchestratorOs { get; set; }

    public List<string> OrchestratorCredSspDelegates { get; set; } = [];

    public List<NodeState> Nodes { get; set; } = [];

    public List<ClusterGroupState> Groups { get; set; } = [];

    public StorageState Storage { get; set; } = new();

    public CauState Cau { get; set; } = new();

    public AzureState Azure { get; set; } = new();

    public AksArcState AksArc { get; set; } = new();

    public ScenarioState? Scenario { get; set; }

    /// <summary>The latest Best Practices Analyzer results per computer and model (Test-CauSetup writes them).</summary>
    public List<BpaResultState> BpaResults { get; set; } = [];

    /// <summary>Largest number of nodes not Up (Down or Paused) at one time: the rolling-safety metric.</summary>
    public int MaxNodesDownAtOnce { get; set; }

    public NodeState? FindNode(string name) =>
        Nodes.Find(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase));

    public ClusterGroupState? FindGroup(string name) =>
        Groups.Find(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<FaultState> ActiveFaults(FaultKind kind) =>
        Scenario?.Faults.Where(f => f.Kind == kind) ?? [];

    /// <summary>The cluster runs while at least one node's cluster service runs.</summary>
    public bool ClusterRunning => Nodes.Exists(n => n.InCluster);

    public void RecordDownAtOnce()
    {
        var notUp = Nodes.Count(n => n.State != ClusterNodeState.Up);
        MaxNodesDownAtOnce = Math.Max(MaxNodesDownAtOnce, notUp);
    }
}
