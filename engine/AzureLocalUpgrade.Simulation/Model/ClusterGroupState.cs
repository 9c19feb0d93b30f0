namespace AzureLocalUpgrade.Simulation.Model;

/// <summary>A cluster group (role). VM roles carry the VM's configuration version.</summary>
internal sealed class ClusterGroupState
{
    public string Name { get; set; } = "";

    /// <summary>VirtualMachine | Cluster | AvailableStorage | GenericService | Unknown.</summary>
    public string GroupType { get; set; } = "";

    public string? OwnerNode { get; set; }

    /// <summary>Where the group lives normally; Resume-ClusterNode -Failback Immediate brings it back here.</summary>
    public string? PreferredOwner { get; set; }

    public ClusterGroupStatus State { get; set; }

    public List<ClusterResourceState> Resources { get; set; } = [];

    /// <summary>VM configuration version (VM roles only).</summary>
    public string? VmVersion { get; set; }

    /// <summary>A MOC VM from an AKS Arc preview install; Uninstall-Moc removes it.</summary>
    public bool MocPreview { get; set; }

    /// <summary>The AKS Arc cloud agent role; Uninstall-AksHci removes it.</summary>
    public bool AksArc { get; set; }

    public bool IsVirtualMachine => GroupType == "VirtualMachine";
}
