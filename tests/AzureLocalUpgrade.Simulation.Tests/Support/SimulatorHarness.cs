using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.PowerShell.Hosting;
using AzureLocalUpgrade.Simulation.Scenarios;
using AzureLocalUpgrade.Simulation.Sessions;

namespace AzureLocalUpgrade.Simulation.Tests.Support;

/// <summary>
/// A simulated cluster in a temp state folder, with sessions opened through the connector on the base state the
/// engine uses (EngineSessionState: CreateDefault, ErrorActionPreference Stop), and scripts run by name as a runbook would.
/// </summary>
internal sealed class SimulatorHarness : IDisposable
{
    private readonly List<Runspace> _runspaces = [];

    public SimulatorHarness(ClusterInventory? inventory = null, FaultScenario? scenario = null, string? stateDir = null)
    {
        Inventory = inventory ?? TestInventories.Cluster();
        StateDir = stateDir ?? Path.Combine(Path.GetTempPath(), "alu-sim-tests", Guid.NewGuid().ToString("N"));
        Cluster = SimulatedCluster.OpenOrCreate(Inventory, StateDir, scenario);
        Connector = new SimulatedTargetConnector(Cluster);
    }

    public ClusterInventory Inventory { get; }

    public string StateDir { get; }

    public SimulatedCluster Cluster { get; }

    public SimulatedTargetConnector Connector { get; }

    public string Node(int position) => Inventory.Nodes[position - 1].Name;

    public static InitialSessionState BaseState() => EngineSessionState.Create();

    public Runspace Open(string? node)
    {
        var runspace = Connector.Open(node is null ? StepTarget.Orchestrator : StepTarget.OnNode(node), BaseState());
        _runspaces.Add(runspace);
        return runspace;
    }

    public static Collection<PSObject> Run(Runspace runspace, string script)
    {
        using var ps = System.Management.Automation.PowerShell.Create(runspace);
        return ps.AddScript(script).Invoke();
    }

    /// <summary>Opens a fresh session on the node (or the orchestrator) and runs the script there.</summary>
    public Collection<PSObject> RunOn(string? node, string script) => Run(Open(node), script);

    /// <summary>The same, with values bound to the script's param() block (never spliced into its text).</summary>
    public Collection<PSObject> RunOn(string? node, string script, IDictionary<string, object?> parameters)
    {
        using var ps = System.Management.Automation.PowerShell.Create(Open(node));
        return ps.AddScript(script).AddParameters(new System.Collections.Hashtable(parameters.ToDictionary(p => p.Key, p => p.Value))).Invoke();
    }

    public void Dispose()
    {
        foreach (var runspace in _runspaces)
        {
            runspace.Dispose();
        }

        try
        {
            Directory.Delete(StateDir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
