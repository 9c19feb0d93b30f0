using AzureLocalUpgrade.PowerShell.Hosting;

namespace AzureLocalUpgrade.PowerShell.Targets;

/// <summary>
/// What a remote session gets once opened, so scripts see the same commands as in a local runspace: the engine's
/// Write-AluLog function (<see cref="WriteAluLog"/>, the same text as locally), and the host's step wrapper
/// (<see cref="StepWrapper"/>), read-only as in the engine's session state. Run at the session's top level.
/// </summary>
internal static class RemotePrelude
{
    public static readonly string Script =
        $"Set-Item -Path 'function:{StepWrapper.FunctionName}' -Options ReadOnly -Value {{\n{StepWrapper.Body}\n}}\n" +
        $"function global:{WriteAluLog.FunctionName} {{\n{WriteAluLog.Body}\n}}\n";
}
