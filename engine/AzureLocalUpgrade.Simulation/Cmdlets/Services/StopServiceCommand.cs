using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Services;

/// <summary>Stops a service; stopping clussvc takes the node out of the cluster (its roles fail over).</summary>
[Cmdlet(VerbsLifecycle.Stop, "Service")]
[OutputType("System.ServiceProcess.ServiceController")]
public sealed class StopServiceCommand : SimulatorCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [Alias("ServiceName")]
    public string Name { get; set; } = "";

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void Execute() => OnLocalNode((s, node) =>
    {
        var service = ServiceLookup.Require(node, Name);
        if (string.Equals(service.Name, "clussvc", StringComparison.OrdinalIgnoreCase))
        {
            NodeOperations.LeaveCluster(s, node, failover: true);
        }

        service.Status = ServiceStatus.Stopped;
    });
}
