using System.Management.Automation;

namespace AzureLocalUpgrade.PowerShell.Hosting;

/// <summary>
/// <c>Write-AluLog [-Message] &lt;string&gt; [-Level Info|Warning|Verbose]</c>: the prelude's log command.
/// The SMA package has no Write-Warning/Write-Verbose/Write-Information, so scripts log through this.
/// </summary>
[Cmdlet(VerbsCommunications.Write, "AluLog")]
public sealed class WriteAluLogCommand : PSCmdlet
{
    public const string CommandName = "Write-AluLog";

    /// <summary>The source tag of information records this command writes.</summary>
    public const string InformationSource = "alu";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowEmptyString]
    public string Message { get; set; } = "";

    [Parameter]
    [ValidateSet("Info", "Warning", "Verbose", IgnoreCase = true)]
    public string Level { get; set; } = "Info";

    protected override void ProcessRecord()
    {
        switch (Level.ToUpperInvariant())
        {
            case "WARNING":
                WriteWarning(Message);
                break;
            case "VERBOSE":
                WriteVerbose(Message);
                break;
            default:
                WriteInformation(new InformationRecord(Message, InformationSource));
                break;
        }
    }
}
