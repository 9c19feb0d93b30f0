namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Start-Process -PassThru output.</summary>
public sealed record ProcessInfo(int Id, string ProcessName, bool HasExited, int ExitCode);
