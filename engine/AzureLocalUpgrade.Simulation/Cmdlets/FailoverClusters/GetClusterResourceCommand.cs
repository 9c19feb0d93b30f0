using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

/// <summary>Lists cluster resources; piped a group (Get-ClusterGroup X | Get-ClusterResource), only that group's.</summary>
[Cmdlet(VerbsCommon.Get, "ClusterResource")]
[OutputType("Microsoft.FailoverClusters.PowerShell.ClusterResource")]
public sealed class GetClusterResourceCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string[]? Name { get; set; }

    [Parameter(ValueFromPipeline = true)]
    public ClusterGroupInfo? InputObject { get; set; }

    [Parameter]
    public string? Cluster { get; set; }

    protected override void Execute()
    {
        var resources = OnCluster(s =>
        {
            CheckClusterName(s, Cluster);
            RequireClusterRunning(s);
            var groups = InputObject is null ? s.Groups : s.Groups.Where(g => string.Equals(g.Name, InputObject.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            var all = groups.SelectMany(g => Projections.Resources(s, g)).ToList();
            if (Name is null)
            {
                return all;
            }

            return Name.Select(n => all.Find(r => string.Equals(r.Name, n, StringComparison.OrdinalIgnoreCase))
                ?? throw NotFound("Cluster resource", n, all.Select(r => r.Name))).ToList();
        });
        WriteObject(resources, enumerateCollection: true);
    }
}
