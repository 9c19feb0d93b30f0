namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Get-ClusterSharedVolume output. State: Online | Offline | Failed.</summary>
public sealed record ClusterSharedVolumeInfo(string Name, string State, string? OwnerNode, string FileSystem)
{
    public override string ToString() => Name;
}
