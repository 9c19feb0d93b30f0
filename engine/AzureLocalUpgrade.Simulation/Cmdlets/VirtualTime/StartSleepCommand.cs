using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Cmdlets.VirtualTime;

/// <summary>
/// Start-Sleep [-Seconds] &lt;double&gt; | -Milliseconds &lt;int&gt; | [-Duration] &lt;timespan&gt;, the parameters of
/// Microsoft.PowerShell.Utility's own (same names, sets, positions, aliases and ranges; checked against it by
/// VirtualTimeCommandTests).
/// Why it replaces the real cmdlet in a simulated session: on a simulated cluster a script's sleep is the cluster's
/// virtual time passing, so a polling loop sees boots, drains and repairs complete at once. The real Start-Sleep
/// would block for wall time and the simulated cluster would never move. The documented effect, "the script waits
/// that long before going on", is kept: everything the script can observe (Get-Date, the cluster) is that much later.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "Sleep", DefaultParameterSetName = "Seconds")]
public sealed class StartSleepCommand : SimulatorCmdlet
{
    [Parameter(Position = 0, Mandatory = true, ParameterSetName = "Seconds", ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(0.0, (double)(int.MaxValue / 1000))]
    public double Seconds { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = "Milliseconds", ValueFromPipelineByPropertyName = true)]
    [ValidateRange(0, int.MaxValue)]
    [Alias("ms")]
    public int Milliseconds { get; set; }

    [Parameter(Position = 0, Mandatory = true, ParameterSetName = "FromTimeSpan", ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(ValidateRangeKind.NonNegative)]
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
        Pass(delay);
    }
}
