using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Services;

[Cmdlet(VerbsCommon.Get, "Service")]
[OutputType("System.ServiceProcess.ServiceController")]
public sealed class GetServiceCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    [Alias("ServiceName")]
    public string[]? Name { get; set; }

    protected override void Execute()
    {
        var services = OnLocalNode((s, node) => Name is null
            ? node.Services.Select(Projections.Service).ToList()
            : Name.Select(n => Projections.Service(ServiceLookup.Require(node, n))).ToList());
        WriteObject(services, enumerateCollection: true);
    }
}
