namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Invoke-CimMethod ... -MethodName ScanForUpdates output.</summary>
public sealed record WindowsUpdateScanResult(int ReturnValue, IReadOnlyList<WindowsUpdateInfo> Updates);
