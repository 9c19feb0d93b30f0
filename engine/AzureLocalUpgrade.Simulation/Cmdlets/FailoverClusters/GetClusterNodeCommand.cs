using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

[Cmdlet(VerbsCommon.Get, "ClusterNode")]
[OutputType("Microsoft.FailoverClusters.PowerShell.ClusterNode")]
public sealed class GetClusterNodeCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string[]? Name { get; set; }

    [Parameter]
    public string? Cluster { get; set; }

    protected override void Execute()
    {
        var nodes = QueryCluster(s =>
        {
            CheckClusterName(s, Cluster);
            RequireClusterRunning(s);
            return Name is null
                ? s.Nodes.Select(n => Projections.Node(s, n)).ToList()
                : Name.Select(n => Projections.Node(s, NodeOperations.RequireNode(s, n))).ToList();
        });
        WriteObject(nodes, enumerateCollection: true);
    }
}
