using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

/// <summary>Sets a cluster private property; -Create makes one that does not exist yet.</summary>
[Cmdlet(VerbsCommon.Set, "ClusterParameter")]
public sealed class SetClusterParameterCommand : SimulatorCmdlet
{
    // Optional in the reference, where -Multiple can carry the names and values instead; the simulator models one
    // parameter per call, so it asks for both when they are missing.
    [Parameter(Position = 0)]
    public string? Name { get; set; }

    [Parameter(Position = 1)]
    public object? Value { get; set; }

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
        if (Name is null || Value is null)
        {
            throw new SimulationException(
                "ParameterNameAndValueRequired", ErrorCategory.InvalidArgument, "Set-ClusterParameter in the simulator needs -Name and -Value.");
        }

        ClusterParameters.Set(s, Name, Value, Create);
    });
}
