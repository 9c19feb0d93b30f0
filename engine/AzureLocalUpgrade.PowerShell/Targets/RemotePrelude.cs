namespace AzureLocalUpgrade.PowerShell.Targets;

/// <summary>
/// What a remote session gets once opened, so scripts see the same commands as in a local runspace: the engine's
/// Write-AluLog (a compiled cmdlet locally) as a function over the node's own Write-* cmdlets.
/// </summary>
internal static class RemotePrelude
{
    public const string Script = """
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
}
