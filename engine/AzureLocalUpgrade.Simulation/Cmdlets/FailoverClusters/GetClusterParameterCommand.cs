using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

/// <summary>The cluster's private properties that exist (CauEnableSoftReboot once created); a missing one is an error.</summary>
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
        var parameters = QueryCluster(s =>
        {
            CheckClusterName(s, Cluster ?? InputObject?.Name);
            RequireClusterRunning(s);
            return Name is null ? ClusterParameters.Existing(s) : [ClusterParameters.Find(s, Name)];
        });
        WriteObject(parameters, enumerateCollection: true);
    }
}
