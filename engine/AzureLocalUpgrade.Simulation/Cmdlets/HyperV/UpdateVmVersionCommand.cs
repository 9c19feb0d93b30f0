using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.HyperV;

/// <summary>Raises a VM's configuration version to the highest its host supports. The VM must be off.</summary>
[Cmdlet(VerbsData.Update, "VMVersion", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType("Microsoft.HyperV.PowerShell.VirtualMachine")]
public sealed class UpdateVmVersionCommand : SimulatorCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("VMName")]
    public string[] Name { get; set; } = [];

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void Execute() => OnCluster(s =>
    {
        foreach (var name in Name)
        {
            var vm = VmLookup.Require(s, Simulation, name);
            if (Projections.EffectiveState(s, vm) == ClusterGroupStatus.Online)
            {
                throw new SimulationException("VMRunning", ErrorCategory.InvalidOperation, $"Cannot update the configuration version of VM {name} while it is running. Stop it first.");
            }

            var host = vm.OwnerNode is null ? null : s.FindNode(vm.OwnerNode);
            if (host is not null && ShouldProcess(name, "Update VM configuration version"))
            {
                vm.VmVersion = SimulatedReleases.MaxVmVersionFor(host.BuildMajor);
            }
        }
    });
}
