using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Registry;

/// <summary>Creates a registry value on this node; fails when it exists unless -Force.</summary>
[Cmdlet(VerbsCommon.New, "ItemProperty")]
[OutputType("System.Management.Automation.PSCustomObject")]
public sealed class NewItemPropertyCommand : SimulatorCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string Path { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1)]
    [Alias("PSProperty")]
    public string Name { get; set; } = "";

    [Parameter]
    [AllowNull]
    public object? Value { get; set; }

    [Parameter]
    [Alias("Type")]
    [ValidateSet("String", "DWord", "QWord", "ExpandString", "MultiString", "Binary", "Unknown")]
    public string PropertyType { get; set; } = "String";

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void Execute() => OnLocalNode((s, node) =>
    {
        var path = RegistryPathArgument.Require(Path, CommandName);
        var raw = Value is PSObject pso ? pso.BaseObject : Value;
        RegistryOperations.NewValue(node, path, Name, raw ?? (PropertyType == "String" ? "" : 0), PropertyType, Force);
    });
}
