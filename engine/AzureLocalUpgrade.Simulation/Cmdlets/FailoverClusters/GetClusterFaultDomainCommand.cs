using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

/// <summary>
/// Get-ClusterFaultDomain [-Type Unknown|Site|Rack|Chassis|Node] [-Name]: one Node domain per node and, in a
/// stretch cluster, one Site domain per site holding its nodes. The accepted types are those of the reference
/// (winserver2022-ps Get-ClusterFaultDomain.md, alias FaultDomainType). The simulator models no racks or chassis, so
/// those types (and Unknown) return nothing, as on a cluster that never defined them.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ClusterFaultDomain")]
public sealed class GetClusterFaultDomainCommand : SimulatorCmdlet
{
    [Parameter]
    [Alias("FaultDomainType")]
    [ValidateSet("Unknown", "Site", "Rack", "Chassis", "Node", IgnoreCase = true)]
    public string[]? Type { get; set; }

    [Parameter(Position = 0)]
    public string[]? Name { get; set; }

    protected override void Execute()
    {
        var domains = OnCluster(s =>
        {
            RequireClusterRunning(s);
            return All(s)
                .Where(d => Type is null || Type.Contains(d.Type, StringComparer.OrdinalIgnoreCase))
                .Where(d => Name is null || Name.Contains(d.Name, StringComparer.OrdinalIgnoreCase))
                .ToList();
        });
        WriteObject(domains, enumerateCollection: true);
    }

    private static IEnumerable<ClusterFaultDomainInfo> All(SimulationState s)
    {
        foreach (var site in s.Nodes.Where(n => n.Site is not null).GroupBy(n => n.Site!, StringComparer.OrdinalIgnoreCase))
        {
            yield return new ClusterFaultDomainInfo(site.Key, "Site", "", [.. site.Select(n => n.Name)], "", "");
        }

        foreach (var node in s.Nodes)
        {
            yield return new ClusterFaultDomainInfo(node.Name, "Node", node.Site ?? "", [], "", "");
        }
    }
}
