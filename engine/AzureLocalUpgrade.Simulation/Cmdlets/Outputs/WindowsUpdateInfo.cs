namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>An MSFT_WUUpdate as returned in ScanForUpdates' Updates.</summary>
public sealed record WindowsUpdateInfo(string Title, string UpdateID, bool IsFeatureUpdate);
