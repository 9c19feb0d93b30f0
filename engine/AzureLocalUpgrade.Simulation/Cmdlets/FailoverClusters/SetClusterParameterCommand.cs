using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

/// <summary>Sets a cluster private property; -Create makes one that does not exist yet.</summary>
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
        ClusterParameters.Set(s, Name, Value, Create);
    });
}
