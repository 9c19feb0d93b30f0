namespace AzureLocalUpgrade.PowerShell.Hosting;

/// <summary>
/// <c>Write-AluLog [-Message] &lt;string&gt; [-Level Info|Warning|Verbose]</c>, kept for runbook format v1: runbooks
/// written when the engine had no Write-* cmdlets log through it, and they keep working unchanged. It is a function
/// over PowerShell's own Write-Information, Write-Warning and Write-Verbose, defined with this same text in local
/// runspaces (<see cref="EngineSessionState"/>) and remote sessions (<see cref="Targets.RemotePrelude"/>), so it
/// behaves alike everywhere. New scripts can call those cmdlets directly (docs/runbook-format.md).
/// </summary>
public static class WriteAluLog
{
    public const string FunctionName = "Write-AluLog";

    public const string Body = """
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
        """;
}
