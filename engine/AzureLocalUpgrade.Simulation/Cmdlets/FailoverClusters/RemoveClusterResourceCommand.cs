using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

[Cmdlet(VerbsCommon.Remove, "ClusterResource")]
public sealed class RemoveClusterResourceCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string? Name { get; set; }

    [Parameter(ValueFromPipeline = true)]
    public ClusterResourceInfo? InputObject { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public string? Cluster { get; set; }

    protected override void Execute() => OnCluster(s =>
    {
        CheckClusterName(s, Cluster);
        RequireClusterRunning(s);
        var name = InputObject?.Name ?? Name ?? throw new Behaviour.SimulationException(
            "ResourceNameRequired", ErrorCategory.InvalidArgument, "Remove-ClusterResource needs -Name or a resource from the pipeline.");
        var group = s.Groups.Find(g => g.Resources.Exists(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
            ?? throw NotFound("Cluster resource", name, s.Groups.SelectMany(g => g.Resources).Select(r => r.Name));
        group.Resources.RemoveAll(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
    });
}
