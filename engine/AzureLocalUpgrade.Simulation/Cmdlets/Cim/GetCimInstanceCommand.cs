using System.Globalization;
using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Cim;

/// <summary>
/// Get-CimInstance [-ClassName] Win32_OperatingSystem [-ComputerName &lt;string[]&gt;] [-Namespace root/cimv2]: the one
/// instance of the class on this node or on the named ones. Restart guards read LastBootUpTime to tell whether a node
/// has started again since a restart was first tried. Other classes are not simulated and say so.
/// </summary>
[Cmdlet(VerbsCommon.Get, "CimInstance", DefaultParameterSetName = ComputerSet)]
[OutputType("Microsoft.Management.Infrastructure.CimInstance")]
public sealed class GetCimInstanceCommand : SimulatorCmdlet
{
    private const string ComputerSet = "ClassNameComputerSet";
    private const string OperatingSystemClass = "Win32_OperatingSystem";
    private const string DefaultNamespace = "root/cimv2";

    [Parameter(ParameterSetName = ComputerSet, Position = 0, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public string ClassName { get; set; } = "";

    [Parameter(ParameterSetName = ComputerSet, ValueFromPipelineByPropertyName = true)]
    [Alias("CN", "ServerName")]
    public string[]? ComputerName { get; set; }

    [Parameter(ParameterSetName = ComputerSet, ValueFromPipelineByPropertyName = true)]
    public string? Namespace { get; set; }

    protected override void Execute()
    {
        var space = (Namespace ?? DefaultNamespace).Replace('\\', '/');
        if (!string.Equals(ClassName, OperatingSystemClass, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(space, DefaultNamespace, StringComparison.OrdinalIgnoreCase))
        {
            throw new SimulationException(
                "NotSimulated,Microsoft.Management.Infrastructure.CimCmdlets.GetCimInstanceCommand",
                ErrorCategory.NotImplemented,
                $"Get-CimInstance: class {ClassName} in namespace {space} is not simulated; the simulator models only {OperatingSystemClass} in {DefaultNamespace}.");
        }

        var systems = QueryCluster(s =>
        {
            var names = ComputerName ?? [Simulation.NodeName ?? throw new SimulationException(
                "NotSimulated,Microsoft.Management.Infrastructure.CimCmdlets.GetCimInstanceCommand",
                ErrorCategory.NotImplemented,
                "Get-CimInstance on the orchestrator needs -ComputerName: the simulator does not model the machine running alu.")];
            return names.Select(name =>
            {
                Remoting.SecondHop.Check(s, Simulation.NodeName, name, CommandName);
                var node = NodeOperations.RequireNode(s, Remoting.SecondHop.IsSelf(Simulation.NodeName ?? "", name) ? Simulation.NodeName! : name);
                if (!node.MachineOnline)
                {
                    throw new SimulationException(
                        "HRESULT 0x80338126,Microsoft.Management.Infrastructure.CimCmdlets.GetCimInstanceCommand",
                        ErrorCategory.ConnectionError,
                        $"Get-CimInstance: cannot connect to {node.Name}: the computer is not running (it is restarting or off).");
                }

                return new OperatingSystemInfo(node.Name, node.LastBootUpTime.UtcDateTime, node.BuildMajor.ToString(CultureInfo.InvariantCulture));
            }).ToList();
        });
        WriteObject(systems, enumerateCollection: true);
    }
}
