using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Utility;

/// <summary>Write-Output [-InputObject] &lt;psobject&gt; [-NoEnumerate]: sends objects down the pipeline.</summary>
[Cmdlet(VerbsCommunications.Write, "Output")]
[OutputType("System.Management.Automation.PSObject")]
[UtilityFallback]
public sealed class WriteOutputCommand : SimulatorCmdlet
{
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true, ValueFromRemainingArguments = true)]
    [AllowNull]
    [AllowEmptyCollection]
    public PSObject? InputObject { get; set; }

    [Parameter]
    public SwitchParameter NoEnumerate { get; set; }

    protected override void Execute() => WriteObject(InputObject, enumerateCollection: !NoEnumerate);
}

/// <summary>Write-Warning [-Message] &lt;string&gt;.</summary>
[Cmdlet(VerbsCommunications.Write, "Warning")]
[UtilityFallback]
public sealed class WriteWarningCommand : SimulatorCmdlet
{
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    [AllowEmptyString]
    [Alias("Msg")]
    public string Message { get; set; } = "";

    protected override void Execute() => WriteWarning(Message);
}

/// <summary>Write-Verbose [-Message] &lt;string&gt;.</summary>
[Cmdlet(VerbsCommunications.Write, "Verbose")]
[UtilityFallback]
public sealed class WriteVerboseCommand : SimulatorCmdlet
{
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    [AllowEmptyString]
    [Alias("Msg")]
    public string Message { get; set; } = "";

    protected override void Execute() => WriteVerbose(Message);
}

/// <summary>Write-Information [-MessageData] &lt;object&gt; [[-Tags] &lt;string[]&gt;].</summary>
[Cmdlet(VerbsCommunications.Write, "Information")]
[UtilityFallback]
public sealed class WriteInformationCommand : SimulatorCmdlet
{
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    [AllowEmptyString]
    [AllowNull]
    [Alias("Msg", "Message")]
    public object? MessageData { get; set; }

    [Parameter(Position = 1)]
    public string[] Tags { get; set; } = [];

    protected override void Execute() => WriteInformation(MessageData, Tags);
}

/// <summary>
/// Write-Host [[-Object] &lt;object&gt;] [-NoNewline] [-Separator &lt;object&gt;] [-ForegroundColor] [-BackgroundColor]:
/// as in PowerShell 5+, a HostInformationMessage on the information stream tagged PSHOST.
/// </summary>
[Cmdlet(VerbsCommunications.Write, "Host")]
[UtilityFallback]
public sealed class WriteHostCommand : SimulatorCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromRemainingArguments = true)]
    [Alias("Msg", "Message")]
    public object? Object { get; set; }

    [Parameter]
    public SwitchParameter NoNewline { get; set; }

    [Parameter]
    public object Separator { get; set; } = " ";

    [Parameter]
    public ConsoleColor? ForegroundColor { get; set; }

    [Parameter]
    public ConsoleColor? BackgroundColor { get; set; }

    protected override void Execute()
    {
        var message = new HostInformationMessage
        {
            Message = Render(Object),
            NoNewLine = NoNewline,
            ForegroundColor = ForegroundColor,
            BackgroundColor = BackgroundColor,
        };
        WriteInformation(message, ["PSHOST"]);
    }

    private string Render(object? value) => PSObject.AsPSObject(value ?? "").BaseObject switch
    {
        string text => text,
        System.Collections.IEnumerable items => string.Join(Separator.ToString(), items.Cast<object?>().Select(Render)),
        var other => other.ToString() ?? "",
    };
}

/// <summary>Write-Error [-Message] &lt;string&gt; [-Category] [-ErrorId] [-TargetObject]: a non-terminating error.</summary>
[Cmdlet(VerbsCommunications.Write, "Error")]
[UtilityFallback]
public sealed class WriteErrorCommand : SimulatorCmdlet
{
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    [AllowNull]
    [AllowEmptyString]
    [Alias("Msg")]
    public string? Message { get; set; }

    [Parameter]
    public ErrorCategory Category { get; set; } = ErrorCategory.NotSpecified;

    [Parameter]
    public string ErrorId { get; set; } = "Microsoft.PowerShell.Commands.WriteErrorException";

    [Parameter]
    public object? TargetObject { get; set; }

    protected override void Execute() =>
        WriteError(new ErrorRecord(new WriteErrorException(Message ?? ""), ErrorId, Category, TargetObject));
}

/// <summary>The exception Write-Error records carry, named as PowerShell's own.</summary>
public sealed class WriteErrorException : Exception
{
    public WriteErrorException()
    {
    }

    public WriteErrorException(string message)
        : base(message)
    {
    }

    public WriteErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
