using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

/// <summary>
/// What Start-ClusterResource and Stop-ClusterResource share (winserver2022-ps Start-/Stop-ClusterResource.md:
/// [[-Name]] [-Wait] [-InputObject] [-Cluster], Stop also -IgnoreLocked). The simulator models the state of the
/// Cluster Shared Volume resources ("Cluster Virtual Disk (VolumeNN)"), the cluster-aware way to take a Storage
/// Spaces Direct volume offline; the state survives a cluster stop and start, as a resource's persistent state does.
/// </summary>
public abstract class ClusterResourceStateCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string? Name { get; set; }

    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    [Parameter]
    public string? Cluster { get; set; }

    [Parameter]
    public int Wait { get; set; }

    /// <summary>True for Start-ClusterResource.</summary>
    protected abstract bool Online { get; }

    protected override void Execute()
    {
        var result = OnCluster(s =>
        {
            CheckClusterName(s, Cluster);
            RequireClusterRunning(s);
            var name = ResourceName() ?? throw new SimulationException(
                "ResourceNameRequired", ErrorCategory.InvalidArgument, $"{CommandName} needs -Name or a resource from the pipeline.");
            var disk = s.Storage.VirtualDisks.Find(d => string.Equals(Projections.CsvName(d), name, StringComparison.OrdinalIgnoreCase));
            if (disk is null)
            {
                var modelled = s.Storage.VirtualDisks.Select(Projections.CsvName);
                throw s.Groups.Exists(g => g.Resources.Exists(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
                    ? new SimulationException("ResourceStateNotSimulated", ErrorCategory.NotImplemented, $"{CommandName}: the simulator models the state of Cluster Shared Volume resources only, not '{name}'.")
                    : NotFound("Cluster resource", name, modelled);
            }

            disk.Attached = Online;
            var state = Projections.Csv(s, disk);
            return new ClusterResourceInfo(state.Name, "Cluster Shared Volume", state.OwnerNode, Online && state.State == "Online" ? ClusterGroupStatus.Online : ClusterGroupStatus.Offline, "Physical Disk");
        });
        WriteObject(result);
    }

    private string? ResourceName() => InputObject?.BaseObject switch
    {
        ClusterSharedVolumeInfo csv => csv.Name,
        ClusterResourceInfo resource => resource.Name,
        string text => text,
        null => Name,
        var other => other.ToString(),
    };
}

/// <summary>Brings a cluster resource online (a Cluster Shared Volume in the simulator).</summary>
[Cmdlet(VerbsLifecycle.Start, "ClusterResource")]
public sealed class StartClusterResourceCommand : ClusterResourceStateCommand
{
    protected override bool Online => true;
}

/// <summary>Takes a cluster resource offline (a Cluster Shared Volume in the simulator).</summary>
[Cmdlet(VerbsLifecycle.Stop, "ClusterResource")]
public sealed class StopClusterResourceCommand : ClusterResourceStateCommand
{
    [Parameter]
    public SwitchParameter IgnoreLocked { get; set; }

    protected override bool Online => false;
}
