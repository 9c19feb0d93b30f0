using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Computer;

[Cmdlet(VerbsCommon.Get, "NetAdapter")]
[OutputType("Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/NetAdapter")]
public sealed class GetNetAdapterCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    [Alias("ifAlias", "InterfaceAlias")]
    public string[]? Name { get; set; }

    protected override void Execute()
    {
        var adapters = OnLocalNode((s, node) => node.NicDrivers
            .Where(n => Name is null || Name.Any(pattern => new WildcardPattern(pattern, WildcardOptions.IgnoreCase).IsMatch(n.AdapterName)))
            .Select(n => new NetAdapterInfo(n.AdapterName, $"{n.Vendor} {n.Adapter}", n.Vendor, n.Version, "Up"))
            .ToList());
        WriteObject(adapters, enumerateCollection: true);
    }
}
