namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>
/// Test-CauSetup output (docset/winserver2022-ps/ClusterAwareUpdating/Test-CauSetup.md, OUTPUTS:
/// Microsoft.ClusterAwareUpdating.CauBpaProgress): progress of the BPA scan, not its findings. The reference names
/// the type but not its properties, so runbooks must not read these; the findings come from Get-BpaResult.
/// </summary>
public sealed record CauBpaProgress(string ClusterName, string Activity, int PercentComplete);
