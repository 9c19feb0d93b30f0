namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Invoke-CimMethod ... -MethodName InstallUpdates output.</summary>
public sealed record WindowsUpdateInstallResult(int ReturnValue, bool RebootRequired);
