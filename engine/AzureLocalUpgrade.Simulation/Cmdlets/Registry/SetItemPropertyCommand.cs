using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Registry;

/// <summary>Sets (or creates) a registry value on this node; the key must exist.</summary>
[Cmdlet(VerbsCommon.Set, "ItemProperty")]
[OutputType("System.Management.Automation.PSCustomObject")]
public sealed class SetItemPropertyCommand : SimulatorCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string Path { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1)]
    [Alias("PSProperty")]
    public string Name { get; set; } = "";

    [Parameter(Mandatory = true, Position = 2)]
    [AllowNull]
    public object? Value { get; set; }

    [Parameter]
    [ValidateSet("String", "DWord", "QWord", "ExpandString", "MultiString", "Binary", "Unknown")]
    public string? Type { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void Execute() => OnLocalNode((s, node) =>
    {
        var path = RegistryPathArgument.Require(Path, CommandName);
        var raw = Value is PSObject pso ? pso.BaseObject : Value;
        RegistryOperations.SetValue(node, path, Name, raw ?? "", Type ?? (raw is int or long ? "DWord" : null));
    });
}
