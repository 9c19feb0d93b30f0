using AzureLocalUpgrade.PowerShell.Hosting;

namespace AzureLocalUpgrade.PowerShell.Targets;

/// <summary>
/// What a remote session gets once opened, so scripts see the same commands as in a local runspace: the engine's
/// Write-AluLog (a compiled cmdlet locally) as a function over the node's own Write-* cmdlets, and the host's step
/// wrapper (<see cref="StepWrapper"/>), read-only as in the engine's session state. Run at the session's top level.
/// </summary>
internal static class RemotePrelude
{
    private const string WriteAluLog = """
        function global:Write-AluLog {
            param(
                [Parameter(Mandatory = $true, Position = 0, ValueFromPipeline = $true)][AllowEmptyString()][string] $Message,
                [ValidateSet('Info', 'Warning', 'Verbose')][string] $Level = 'Info')
            process {
                switch ($Level) {
                    'Warning' { Write-Warning $Message }
                    'Verbose' { Write-Verbose $Message }
                    default { Write-Information -MessageData $Message -Tags 'alu' }
                }
            }
        }
        """;

    public static readonly string Script =
        $"Set-Item -Path 'function:{StepWrapper.FunctionName}' -Options ReadOnly -Value {{\n{StepWrapper.Body}\n}}\n{WriteAluLog}\n";
}
