using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

/// <summary>Cluster common parameters; the simulator knows CauEnableSoftReboot (kernel soft reboot for CAU).</summary>
[Cmdlet(VerbsCommon.Get, "ClusterParameter")]
public sealed class GetClusterParameterCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string? Name { get; set; }

    [Parameter(ValueFromPipeline = true)]
    public ClusterInfo? InputObject { get; set; }

    [Parameter]
    public string? Cluster { get; set; }

    protected override void Execute()
    {
        var parameters = OnCluster(s =>
        {
            CheckClusterName(s, Cluster ?? InputObject?.Name);
            RequireClusterRunning(s);
            var known = new List<ClusterParameterInfo> { new(s.ClusterName, ClusterParameters.CauEnableSoftReboot, s.KernelSoftReboot ? 1 : 0, "UInt32") };
            return Name is null ? known : [ClusterParameters.Find(known, Name)];
        });
        WriteObject(parameters, enumerateCollection: true);
    }
}
