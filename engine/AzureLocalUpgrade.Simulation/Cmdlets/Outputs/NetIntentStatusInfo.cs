namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>
/// Get-NetIntentStatus output: the fields install-enable-network-atc.md (azure-stack-docs) shows in its example
/// (the cmdlet reference page documents no output).
/// </summary>
public sealed record NetIntentStatusInfo(
    string IntentName,
    string Host,
    bool IsComputeIntentSet,
    bool IsManagementIntentSet,
    bool IsStorageIntentSet,
    string ConfigurationStatus,
    string ProvisioningStatus,
    string Error);
