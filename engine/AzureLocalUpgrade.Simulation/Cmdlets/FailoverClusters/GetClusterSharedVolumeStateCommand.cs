using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

/// <summary>CSV state per volume and node. ReFS volumes report FileSystemRedirected: normal, not a fault.</summary>
[Cmdlet(VerbsCommon.Get, "ClusterSharedVolumeState")]
public sealed class GetClusterSharedVolumeStateCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string? Name { get; set; }

    [Parameter]
    public string[]? Node { get; set; }

    [Parameter]
    public string? Cluster { get; set; }

    protected override void Execute()
    {
        var states = QueryCluster(s =>
        {
            CheckClusterName(s, Cluster);
            RequireClusterRunning(s);
            var disks = Name is null
                ? s.Storage.VirtualDisks
                : s.Storage.VirtualDisks.Where(d => string.Equals(Projections.CsvName(d), Name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (Name is not null && disks.Count == 0)
            {
                throw NotFound("Cluster shared volume", Name, s.Storage.VirtualDisks.Select(Projections.CsvName));
            }

            var nodes = Node is null ? s.Nodes : [.. Node.Select(n => NodeOperations.RequireNode(s, n))];
            return disks.SelectMany(d => nodes.Select(n => Projections.CsvState(s, d, n))).ToList();
        });
        WriteObject(states, enumerateCollection: true);
    }
}
