using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

/// <summary>The quorum configuration: which witness resource, if any, holds a vote (winserver2022-ps Get-ClusterQuorum.md).</summary>
[Cmdlet(VerbsCommon.Get, "ClusterQuorum")]
[OutputType("Microsoft.FailoverClusters.PowerShell.ClusterQuorumSettings")]
public sealed class GetClusterQuorumCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string? Cluster { get; set; }

    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    protected override void Execute()
    {
        var settings = QueryCluster(s =>
        {
            CheckClusterName(s, Cluster);
            RequireClusterRunning(s);
            var witness = QuorumWitness.Find(s) is { } found
                ? Projections.Resources(s, found.Group).First(r => r.Name == found.Resource.Name)
                : null;
            return new ClusterQuorumSettings(s.ClusterName, witness);
        });
        WriteObject(settings);
    }
}
