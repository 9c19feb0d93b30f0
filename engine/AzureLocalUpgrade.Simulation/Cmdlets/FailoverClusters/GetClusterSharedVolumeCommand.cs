using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

[Cmdlet(VerbsCommon.Get, "ClusterSharedVolume")]
[OutputType("Microsoft.FailoverClusters.PowerShell.ClusterSharedVolume")]
public sealed class GetClusterSharedVolumeCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string? Name { get; set; }

    [Parameter]
    public string? Cluster { get; set; }

    protected override void Execute()
    {
        var volumes = OnCluster(s =>
        {
            CheckClusterName(s, Cluster);
            RequireClusterRunning(s);
            var all = s.Storage.VirtualDisks.Select(d => Projections.Csv(s, d)).ToList();
            return Name is null ? all : [all.Find(v => string.Equals(v.Name, Name, StringComparison.OrdinalIgnoreCase)) ?? throw NotFound("Cluster shared volume", Name, all.Select(v => v.Name))];
        });
        WriteObject(volumes, enumerateCollection: true);
    }
}
