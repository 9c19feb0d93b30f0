namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Get-ClusterFaultDomain output. Type: Site | Node. ParentName: the node's site ("" when none).</summary>
public sealed record ClusterFaultDomainInfo(string Name, string Type, string ParentName, string[] ChildrenNames, string Location, string Description)
{
    public override string ToString() => Name;
}
