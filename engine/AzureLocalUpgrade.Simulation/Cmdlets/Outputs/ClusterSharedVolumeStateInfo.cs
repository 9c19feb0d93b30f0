namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Get-ClusterSharedVolumeState output: one per CSV and node. ReFS CSVs are FileSystemRedirected by design.</summary>
public sealed record ClusterSharedVolumeStateInfo(
    string Name,
    string Node,
    string StateInfo,
    string VolumeFriendlyName,
    string FileSystemRedirectedIOReason,
    string BlockRedirectedIOReason);
