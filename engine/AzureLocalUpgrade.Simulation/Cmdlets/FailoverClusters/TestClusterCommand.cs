using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

/// <summary>Cluster validation: Failed when a node is Down or storage is offline; Warning for paused nodes or running repairs.</summary>
[Cmdlet(VerbsDiagnostic.Test, "Cluster")]
public sealed class TestClusterCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string[]? Node { get; set; }

    [Parameter]
    public string[]? Include { get; set; }

    [Parameter]
    public string? Cluster { get; set; }

    protected override void Execute() => WriteObject(OnCluster(s =>
    {
        CheckClusterName(s, Cluster);
        RequireClusterRunning(s);
        var nodes = Node is null ? s.Nodes : [.. Node.Select(n => NodeOperations.RequireNode(s, n))];
        var failures = new List<string>();
        var warnings = new List<string>();
        failures.AddRange(nodes.Where(n => n.State == ClusterNodeState.Down).Select(n => $"Node {n.Name} is Down and could not be validated."));
        warnings.AddRange(nodes.Where(n => n.State == ClusterNodeState.Paused).Select(n => $"Node {n.Name} is Paused."));
        failures.AddRange(s.Storage.VirtualDisks.Where(d => !StorageOperations.VolumeOnline(s, d)).Select(d => $"Virtual disk {d.FriendlyName} is offline."));
        if (StorageOperations.RepairRunning(s))
        {
            warnings.Add("Storage repair jobs are running.");
        }

        if (s.Nodes.Select(n => n.BuildMajor).Distinct().Count() > 1)
        {
            warnings.Add("Nodes run different OS versions (a rolling upgrade is in progress).");
        }

        var result = failures.Count > 0 ? "Failed" : warnings.Count > 0 ? "Warning" : "Success";
        return new ClusterValidationResult(result, failures, warnings);
    }));
}
