using System.Globalization;
using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Utility;

/// <summary>
/// Start-Sleep [-Seconds] &lt;double&gt; | -Milliseconds &lt;int&gt; | -Duration &lt;timespan&gt;: on a simulated cluster a
/// script's sleep is virtual time passing, so a polling loop sees boots and repairs complete at once.
/// Always replaces a real Start-Sleep in a simulated session.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "Sleep", DefaultParameterSetName = "Seconds")]
public sealed class StartSleepCommand : SimulatorCmdlet
{
    [Parameter(Position = 0, Mandatory = true, ParameterSetName = "Seconds", ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(0.0, int.MaxValue / 1000.0)]
    public double Seconds { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = "Milliseconds", ValueFromPipelineByPropertyName = true)]
    [ValidateRange(0, int.MaxValue)]
    [Alias("ms")]
    public int Milliseconds { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = "FromTimeSpan", ValueFromPipelineByPropertyName = true)]
    [Alias("ts")]
    public TimeSpan Duration { get; set; }

    protected override void Execute()
    {
        var delay = ParameterSetName switch
        {
            "Milliseconds" => TimeSpan.FromMilliseconds(Milliseconds),
            "FromTimeSpan" => Duration,
            _ => TimeSpan.FromSeconds(Seconds),
        };
        if (delay < TimeSpan.Zero)
        {
            throw new Behaviour.SimulationException("InvalidDuration", ErrorCategory.InvalidArgument, "Start-Sleep: the duration cannot be negative.");
        }

        Simulation.Cluster.AdvanceTime(delay);
    }
}

/// <summary>
/// Get-Date [[-Date] &lt;datetime&gt;] [-Format &lt;string&gt;] [-AsUTC]: the cluster's virtual time (local kind, as the
/// real cmdlet), so scripts that time things agree with the simulated clock. Always replaces a real Get-Date.
/// </summary>
[Cmdlet(VerbsCommon.Get, "Date")]
[OutputType(typeof(DateTime), typeof(string))]
public sealed class GetDateCommand : SimulatorCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("LastWriteTime")]
    public DateTime? Date { get; set; }

    [Parameter]
    public string? Format { get; set; }

    [Parameter]
    public SwitchParameter AsUTC { get; set; }

    protected override void Execute()
    {
        var date = Date ?? Simulation.Cluster.Now.LocalDateTime;
        if (AsUTC)
        {
            date = date.ToUniversalTime();
        }

        WriteObject(Format is null ? date : date.ToString(Format, CultureInfo.CurrentCulture));
    }
}
