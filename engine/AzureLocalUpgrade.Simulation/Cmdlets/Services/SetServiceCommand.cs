using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Services;

/// <summary>Changes a service's start type. clussvc Disabled keeps the node out of the cluster after its next boot.</summary>
[Cmdlet(VerbsCommon.Set, "Service")]
[OutputType("System.ServiceProcess.ServiceController")]
public sealed class SetServiceCommand : SimulatorCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [Alias("ServiceName", "SN")]
    public string Name { get; set; } = "";

    [Parameter]
    [Alias("StartMode", "SM", "ST", "StartType")]
    public ServiceStartType? StartupType { get; set; }

    protected override void Execute() => OnLocalNode((s, node) =>
    {
        var service = ServiceLookup.Require(node, Name);
        if (StartupType is { } startType)
        {
            service.StartType = startType;
        }
    });
}
