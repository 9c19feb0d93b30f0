using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Registry;

/// <summary>Registry values of a key on this node, as one object with a property per value.</summary>
[Cmdlet(VerbsCommon.Get, "ItemProperty")]
[OutputType("System.Management.Automation.PSCustomObject")]
public sealed class GetItemPropertyCommand : SimulatorCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string Path { get; set; } = "";

    [Parameter(Position = 1)]
    [Alias("PSProperty")]
    public string[]? Name { get; set; }

    protected override void Execute() => WriteObject(OnLocalNode((s, node) =>
    {
        var path = RegistryPathArgument.Require(Path, CommandName);
        var key = RegistryOperations.RequireKey(node, path, "GetItemPropertyCommand");
        var result = new PSObject();
        foreach (var value in key.Values.Where(v => Name is null || Name.Contains(v.Name, StringComparer.OrdinalIgnoreCase)))
        {
            result.Properties.Add(new PSNoteProperty(value.Name, value.ToPowerShellValue()));
        }

        var missing = Name?.FirstOrDefault(n => key.Find(n) is null);
        if (missing is not null)
        {
            throw new SimulationException(
                "System.Management.Automation.PSArgumentException,Microsoft.PowerShell.Commands.GetItemPropertyCommand",
                ErrorCategory.InvalidArgument,
                $"Property {missing} does not exist at path {path}.");
        }

        result.Properties.Add(new PSNoteProperty("PSPath", $@"Microsoft.PowerShell.Core\Registry::HKEY_LOCAL_MACHINE{path[5..]}"));
        result.Properties.Add(new PSNoteProperty("PSComputerName", node.Name));
        return result;
    }));
}
