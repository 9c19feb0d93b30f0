using System.Management.Automation;
using RealGetDate = Microsoft.PowerShell.Commands.GetDateCommand;

namespace AzureLocalUpgrade.Simulation.Cmdlets.VirtualTime;

/// <summary>
/// Get-Date with every parameter of Microsoft.PowerShell.Utility's own (checked against it by VirtualTimeCommandTests),
/// run by the real cmdlet: this command only supplies the date when the caller gave none.
/// Why it replaces the real cmdlet in a simulated session: "now" on a simulated cluster is the cluster's virtual time,
/// which Start-Sleep and the executor's clock advance; the real Get-Date would read the wall clock, and a script
/// timing a wait would never see it pass. Formatting, -UFormat, -DisplayHint, -AsUTC, the -Year.. adjustments and
/// -UnixTimeSeconds are the real cmdlet's, so the documented semantics are unchanged.
/// </summary>
[Cmdlet(VerbsCommon.Get, "Date", DefaultParameterSetName = DateAndFormat)]
[OutputType(typeof(string), ParameterSetName = [DateAndFormat, UnixTimeSecondsAndFormat, DateAndUFormat, UnixTimeSecondsAndUFormat])]
[OutputType(typeof(DateTime), ParameterSetName = [DateAndFormat, UnixTimeSecondsAndFormat])]
public sealed class GetDateCommand : SimulatorCmdlet
{
    private const string DateAndFormat = "DateAndFormat";
    private const string DateAndUFormat = "DateAndUFormat";
    private const string UnixTimeSecondsAndFormat = "UnixTimeSecondsAndFormat";
    private const string UnixTimeSecondsAndUFormat = "UnixTimeSecondsAndUFormat";

    [Parameter(ParameterSetName = DateAndFormat, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = DateAndUFormat, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("LastWriteTime")]
    public DateTime Date { get; set; }

    [Parameter(ParameterSetName = UnixTimeSecondsAndFormat, Mandatory = true)]
    [Parameter(ParameterSetName = UnixTimeSecondsAndUFormat, Mandatory = true)]
    [Alias("UnixTime")]
    [ValidateRange(-62_135_596_800L, 253_402_300_799L)] // DateTime.MinValue .. MaxValue in Unix seconds, as the real one
    public long UnixTimeSeconds { get; set; }

    [Parameter]
    [ValidateRange(1, 9999)]
    public int Year { get; set; }

    [Parameter]
    [ValidateRange(1, 12)]
    public int Month { get; set; }

    [Parameter]
    [ValidateRange(1, 31)]
    public int Day { get; set; }

    [Parameter]
    [ValidateRange(0, 23)]
    public int Hour { get; set; }

    [Parameter]
    [ValidateRange(0, 59)]
    public int Minute { get; set; }

    [Parameter]
    [ValidateRange(0, 59)]
    public int Second { get; set; }

    [Parameter]
    [ValidateRange(0, 999)]
    public int Millisecond { get; set; }

    [Parameter]
    public Microsoft.PowerShell.Commands.DisplayHintType DisplayHint { get; set; }

    [Parameter(ParameterSetName = DateAndUFormat, Mandatory = true)]
    [Parameter(ParameterSetName = UnixTimeSecondsAndUFormat, Mandatory = true)]
    public string? UFormat { get; set; }

    [Parameter(ParameterSetName = DateAndFormat)]
    [Parameter(ParameterSetName = UnixTimeSecondsAndFormat)]
    public string? Format { get; set; }

    [Parameter]
    public SwitchParameter AsUTC { get; set; }

    protected override void Execute()
    {
        // The real cmdlet remembers which parameters were set (its setters mark them), so only the bound ones are
        // copied; the names are the same on both classes.
        var real = new RealGetDate();
        var bound = MyInvocation.BoundParameters;
        foreach (var (name, value) in bound)
        {
            typeof(RealGetDate).GetProperty(name)!.SetValue(real, value);
        }

        if (!bound.ContainsKey(nameof(Date)) && !bound.ContainsKey(nameof(UnixTimeSeconds)))
        {
            real.Date = Simulation.Cluster.Now.LocalDateTime;
        }

        foreach (var output in real.Invoke())
        {
            WriteObject(output);
        }
    }
}
