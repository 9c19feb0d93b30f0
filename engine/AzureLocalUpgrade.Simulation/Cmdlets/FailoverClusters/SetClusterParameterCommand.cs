using System.Globalization;
using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

[Cmdlet(VerbsCommon.Set, "ClusterParameter")]
public sealed class SetClusterParameterCommand : SimulatorCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string Name { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1)]
    public object Value { get; set; } = 0;

    [Parameter(ValueFromPipeline = true)]
    public ClusterInfo? InputObject { get; set; }

    [Parameter]
    public SwitchParameter Create { get; set; }

    [Parameter]
    public string? Cluster { get; set; }

    protected override void Execute() => OnCluster(s =>
    {
        CheckClusterName(s, Cluster ?? InputObject?.Name);
        RequireClusterRunning(s);
        if (!string.Equals(Name, ClusterParameters.CauEnableSoftReboot, StringComparison.OrdinalIgnoreCase))
        {
            ClusterParameters.Find([], Name);
        }

        var raw = Value is PSObject pso ? pso.BaseObject : Value;
        s.KernelSoftReboot = raw switch
        {
            bool b => b,
            _ => Convert.ToInt64(raw, CultureInfo.InvariantCulture) != 0,
        };
    });
}
